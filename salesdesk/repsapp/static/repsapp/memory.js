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

  async function memoryLoad(db) {
    const [items, customers, prices, lines] = await Promise.all([
      db.items.toArray(), db.customers.toArray(), db.item_prices.toArray(),
      db.price_list_lines.toArray(),
    ]);
    const sellable = items.filter(function (i) { return i.active && i.is_sales_item; });
    const live = customers.filter(function (c) { return c.active; });
    for (const i of sellable) {
      i.hay = haystack([i.code, i.description, i.extra_description, i.barcode, i.group_description]);
    }
    for (const c of live) {
      c.hay = haystack([c.name, c.code, c.address.city, c.address.postcode]);
    }
    const byName = function (a, b) { return a.name.localeCompare(b.name); };
    const byCode = function (a, b) { return a.code.localeCompare(b.code); };
    return {
      items: sellable.sort(byCode),
      customers: live.sort(byName),
      itemsById: new Map(items.map(function (i) { return [i.id, i]; })),
      pricesByItem: byKey(prices, "item_id"),
      linesByList: byKey(lines, "price_list_id"),
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

  function priceFor(memory, customer, item, quantity) {
    return global.RepsPricing.quote({
      item: item, customer: customer, quantity: quantity, today: today(),
      prices: memory.pricesByItem.get(item.id) || [],
      lines: customer && customer.price_list ? memory.linesByList.get(customer.price_list.id) || [] : [],
    });
  }

  global.RepsMemory = { memoryLoad: memoryLoad, find: find, priceFor: priceFor };
})(self);
