/* The device's copy of one company's records, in IndexedDB through Dexie.
   Loaded by the page and by the service worker (which reads the token from `meta`).
   One database per company: two companies signed in on one device never mix. */
(function (global) {
  "use strict";

  function open(company) {
    const db = new global.Dexie("salesdesk-reps-" + company);
    db.version(1).stores({
      meta: "key", // session (token), cursor, synced_at
      items: "id",
      customers: "id",
      item_prices: "id, item_id",
      price_list_lines: "id, price_list_id",
      orders: "number", // the rep's orders as the server has them
      outbox: "key, created_at", // orders made on this device; key = Idempotency-Key
    });
    return db;
  }

  async function metaGet(db, key) {
    const row = await db.meta.get(key);
    return row ? row.value : null;
  }

  function metaPut(db, key, value) {
    return db.meta.put({ key: key, value: value });
  }

  global.RepsStore = {
    open: open,
    metaGet: metaGet,
    metaPut: metaPut,
    picturesCache: function (company) { return "repsapp-pictures-" + company; },
    pictureUrl: function (itemId) { return "/api/v1/items/" + itemId + "/picture"; },
    KINDS: ["items", "customers", "item_prices", "price_list_lines", "orders"],
  };
})(self);
