/* The records the rep searches, held in memory once loaded from IndexedDB: a scan of
   5,000 short strings takes a few milliseconds, faster than any IndexedDB query, so a
   search can answer on every key press. */
(function (global) {
  "use strict";

  function haystack(parts) {
    return parts.filter(Boolean).join("\u0001").toLowerCase();
  }

  function byKey(rows, key) {
    const map = new Map();
    for (const row of rows) {
      const value = row[key];
      if (value === null || value === undefined) continue;
      if (!map.has(value)) map.set(value, []);
      map.get(value).push(row);
    }
    return map;
  }

  /* Per price list: its periods, and its active lines by item and by item group, so that
     pricing one item reads a handful of lines, not the whole list. */
  function priceLists(lines) {
    const lists = new Map();
    for (const line of lines) {
      let list = lists.get(line.price_list_id);
      if (!list) {
        list = { periods: new Map(), byItem: new Map(), byGroup: new Map() };
        lists.set(line.price_list_id, list);
      }
      // Periods from every line, deleted ones too: a period's lines may all be gone.
      list.periods.set(line.period_id, { id: line.period_id, start: line.period_start, end: line.period_end });
      if (!line.active) continue;
      const [index, key] = line.item_id ? [list.byItem, line.item_id] : [list.byGroup, line.item_group_code];
      if (!index.has(key)) index.set(key, []);
      index.get(key).push(line);
    }
    for (const list of lists.values()) list.periods = Array.from(list.periods.values());
    return lists;
  }

  async function memoryLoad(db) {
    const [items, customers, prices, lines, created] = await Promise.all([
      db.items.toArray(), db.customers.toArray(), db.item_prices.toArray(),
      db.price_list_lines.toArray(), db.new_customers.toArray(),
    ]);
    // New customers made on the device join the list until the feed brings Exact's account.
    const known = new Set(customers.map(function (c) { return c.id; }));
    const pending = global.RepsNewCustomers.pendingCustomers(created, known);
    return memoryBuild(items, customers.concat(pending), prices, lines);
  }

  function memoryBuild(items, customers, prices, lines) {
    const sellable = items.filter(function (i) { return i.active && i.is_sales_item; });
    const live = customers.filter(function (c) { return c.active; });
    for (const i of sellable) {
      i.hay = haystack([i.code, i.description, i.extra_description, i.barcode, i.group_description]);
    }
    for (const c of live) {
      c.hay = haystack([c.name, c.code, c.address.city, c.address.postcode]);
    }
    // One collator for all: String.localeCompare builds one per call, 60,000 calls here.
    const collator = new Intl.Collator(undefined, { sensitivity: "base", numeric: true });
    const byName = function (a, b) { return collator.compare(a.name, b.name); };
    const byCode = function (a, b) { return collator.compare(a.code, b.code); };
    return {
      items: sellable.sort(byCode),
      customers: live.sort(byName),
      itemsById: new Map(items.map(function (i) { return [i.id, i]; })),
      pricesByItem: byKey(prices, "item_id"),
      priceLists: priceLists(lines),
    };
  }

  // Rows whose text holds every word of the query (in any order).
  function find(rows, query) {
    const words = query.toLowerCase().split(/\s+/).filter(Boolean);
    if (!words.length) return rows;
    return rows.filter(function (row) {
      for (const word of words) if (!row.hay.includes(word)) return false;
      return true;
    });
  }

  function today() {
    const now = new Date();
    const pad = function (n) { return String(n).padStart(2, "0"); };
    return now.getFullYear() + "-" + pad(now.getMonth() + 1) + "-" + pad(now.getDate());
  }

  // `on`: the date ("YYYY-MM-DD"), today when left out.
  function priceFor(memory, customer, item, quantity, on) {
    const list = customer && customer.price_list ? memory.priceLists.get(customer.price_list.id) : null;
    const lines = list
      ? (list.byItem.get(item.id) || []).concat(item.group_code ? list.byGroup.get(item.group_code) || [] : [])
      : [];
    return global.RepsPricing.quote({
      item: item, customer: customer, quantity: quantity, today: on || today(),
      prices: memory.pricesByItem.get(item.id) || [], lines: lines,
      periods: list ? list.periods : [],
    });
  }

  global.RepsMemory = { memoryLoad: memoryLoad, memoryBuild: memoryBuild, find: find, priceFor: priceFor };
})(self);
