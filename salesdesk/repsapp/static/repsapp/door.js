/* What the rep needs at the customer's door, worked out on the device from the rows the
   feed brought: open invoices against the credit limit, the reorder list, Exact's recent
   orders, addresses and contacts. The same rules as the back office's customer page
   (salesdesk/history/selectors.py), so the two agree while the device has no connection. */
(function (global) {
  "use strict";
  const A = global.RepsAmounts;
  const DAY_MS = 86400000;
  const REORDER_DAYS = 365; // salesdesk/customers/sections.py REORDER_DAYS
  const RECENT_ORDERS = 10;
  const ZERO = A.parse("0");

  // Dates are "YYYY-MM-DD": compared as text, counted in days through UTC midnights.
  function dayNumber(date) {
    const [y, m, d] = date.split("-").map(Number);
    return Date.UTC(y, m - 1, d) / DAY_MS;
  }

  function daysBefore(date, days) {
    return new Date((dayNumber(date) - days) * DAY_MS).toISOString().slice(0, 10);
  }

  function today() {
    const now = new Date();
    const pad = function (n) { return String(n).padStart(2, "0"); };
    return now.getFullYear() + "-" + pad(now.getMonth() + 1) + "-" + pad(now.getDate());
  }

  function cents(value) {
    return A.format(A.quantize(value, 2));
  }

  /* The customer's outstanding items, oldest due first, each with `days_overdue` (0 when
     not due yet), and the totals against the customer's credit limit. */
  function openItems(rows, customer, on) {
    const live = rows.filter(function (r) { return r.active; }).sort(function (a, b) {
      return (a.due_date || "9999").localeCompare(b.due_date || "9999") || a.id.localeCompare(b.id);
    });
    let total = ZERO, overdue = ZERO, overdueCount = 0;
    const items = live.map(function (r) {
      const days = r.due_date && r.due_date < on ? dayNumber(on) - dayNumber(r.due_date) : 0;
      total = A.add(total, A.parse(r.amount));
      if (days > 0) {
        overdue = A.add(overdue, A.parse(r.amount));
        overdueCount += 1;
      }
      return Object.assign({}, r, { days_overdue: days });
    });
    const limit = customer.credit_limit === null || customer.credit_limit === undefined
      ? null : A.parse(customer.credit_limit);
    return {
      items: items, count: items.length, total: cents(total), overdue: cents(overdue),
      overdue_count: overdueCount, blocked: !!customer.blocked,
      credit_limit: limit && cents(limit),
      over_limit: limit !== null && A.compare(total, limit) > 0,
      credit_left: limit && cents(A.subtract(limit, total)),
      over_by: limit && cents(A.subtract(total, limit)),
    };
  }

  function laterLine(line, group) {
    if (line.invoice_date !== group.last_date) return line.invoice_date > group.last_date;
    return (line.invoice_number || 0) > group.last_number;
  }

  /* What the customer was invoiced in the last 12 months, per item: how often, how much,
     when last and at what price; most often bought first. */
  function reorderList(lines, on) {
    const since = daysBefore(on, REORDER_DAYS);
    const groups = new Map();
    for (const line of lines) {
      if (!line.active || !line.item_id || !line.invoice_date || line.invoice_date < since) continue;
      const quantity = A.parse(line.quantity);
      if (A.compare(quantity, ZERO) <= 0) continue; // credit notes are no reorders
      let group = groups.get(line.item_id);
      if (!group) {
        group = { item_id: line.item_id, times: 0, quantity: ZERO, last_date: "", last_number: -1 };
        groups.set(line.item_id, group);
      }
      group.times += 1;
      group.quantity = A.add(group.quantity, quantity);
      if (laterLine(line, group)) {
        Object.assign(group, {
          item_code: line.item_code, item_description: line.item_description,
          last_date: line.invoice_date, last_number: line.invoice_number || 0, last_price: line.unit_price,
        });
      }
    }
    return Array.from(groups.values()).map(function (g) {
      return Object.assign(g, { quantity: A.plain(A.format(g.quantity)) });
    }).sort(function (a, b) {
      return b.times - a.times || b.last_date.localeCompare(a.last_date) || a.item_code.localeCompare(b.item_code);
    });
  }

  // Exact's orders for the customer (Salesdesk's among them), newest first.
  function recentOrders(rows) {
    return rows.filter(function (r) { return r.active; }).sort(function (a, b) {
      return (b.order_date || "").localeCompare(a.order_date || "") || (b.number || 0) - (a.number || 0);
    }).slice(0, RECENT_ORDERS);
  }

  // Delivery addresses first (the main one at the top), then the others.
  function addresses(rows) {
    const rank = function (a) { return (a.type === "delivery" ? 0 : 2) + (a.main ? 0 : 1); };
    return rows.filter(function (r) { return r.active; }).sort(function (a, b) {
      return rank(a) - rank(b) || a.type.localeCompare(b.type) || a.city.localeCompare(b.city);
    });
  }

  function contacts(rows) {
    return rows.filter(function (r) { return r.active; }).sort(function (a, b) {
      return (b.is_main ? 1 : 0) - (a.is_main ? 1 : 0) || a.full_name.localeCompare(b.full_name);
    });
  }

  // The item's stock per warehouse, most free first.
  function warehouses(rows) {
    return rows.filter(function (r) { return r.active; }).sort(function (a, b) {
      return A.compare(A.parse(b.free), A.parse(a.free)) || a.warehouse_code.localeCompare(b.warehouse_code);
    });
  }

  global.RepsDoor = {
    today: today, daysBefore: daysBefore, openItems: openItems, reorderList: reorderList,
    recentOrders: recentOrders, addresses: addresses, contacts: contacts, warehouses: warehouses,
  };
})(self);
