/* The device's copy of one company's records, in IndexedDB through Dexie.
   Loaded by the page and by the service worker (which reads the token from `meta`).
   One database per company: two companies signed in on one device never mix. */
(function (global) {
  "use strict";

  const HISTORY = {
    stock_positions: "id, item_id",
    addresses: "id, customer_id",
    contacts: "id, customer_id",
    sales_orders: "id, customer_id",
    sales_order_lines: "id, order_id",
    sales_invoices: "id, customer_id",
    sales_invoice_lines: "id, customer_id",
    open_items: "id, customer_id",
  };

  function open(company) {
    const db = new global.Dexie("salesdesk-reps-" + company);
    db.version(1).stores({
      meta: "key", // session (token), cursor, synced_at, order_terms
      items: "id",
      customers: "id",
      item_prices: "id, item_id",
      price_list_lines: "id, price_list_id",
      orders: "number", // the rep's orders as the server has them
      outbox: "key, created_at", // orders made on this device; key = Idempotency-Key
    });
    // What the rep needs at the customer's door: stock and Exact's sales history.
    db.version(2).stores(HISTORY).upgrade(async function (tx) {
      /* The app before this version dropped these kinds from the feed's pages while its
         cursor went past them: forget the cursor, and the next read of the feed brings
         everything again (the rows stored so far, the outbox and the draft stay). */
      await tx.table("meta").delete("cursor");
    });
    // New customers made on the device, sent before the orders taken for them.
    db.version(3).stores({ new_customers: "key, created_at" }); // key = Idempotency-Key
    return db;
  }

  async function metaGet(db, key) {
    const row = await db.meta.get(key);
    return row ? row.value : null;
  }

  function metaPut(db, key, value) {
    return db.meta.put({ key: key, value: value });
  }

  function newKey() {
    if (global.crypto && global.crypto.randomUUID) return global.crypto.randomUUID();
    const bytes = global.crypto.getRandomValues(new Uint8Array(16));
    return Array.from(bytes, function (b) { return b.toString(16).padStart(2, "0"); }).join("");
  }

  // What the device holds that the server has not taken yet: orders and new customers.
  async function unsentCount(db) {
    const unsent = function (row) { return row.state === "waiting" || row.state === "refused"; };
    const orders = await db.outbox.filter(function (o) { return o.state === "waiting"; }).count();
    return orders + (await db.new_customers.filter(unsent).count());
  }

  global.RepsStore = {
    unsentCount: unsentCount,
    newKey: newKey,
    open: open,
    metaGet: metaGet,
    metaPut: metaPut,
    picturesCache: function (company) { return "repsapp-pictures-" + company; },
    pictureUrl: function (itemId) { return "/api/v1/items/" + itemId + "/picture"; },
    // The feed's kinds, each stored in the table of its name.
    KINDS: ["items", "customers", "item_prices", "price_list_lines", "orders"].concat(Object.keys(HISTORY)),
  };
})(self);
