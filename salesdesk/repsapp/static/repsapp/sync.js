/* Talking to the reps' API: sign in, the first download with its progress, the delta
   feed afterwards, and the pictures. Every page of the feed is stored together with the
   cursor that follows it, in one IndexedDB transaction: a download cut off halfway goes
   on from the last stored page. */
(function (global) {
  "use strict";
  const S = global.RepsStore;
  const PAGE = 2000;
  const PICTURE_FETCHES = 6; // at once: a browser's connections per host

  class Offline extends Error {}
  class SignedOut extends Error {}

  async function call(token, path, options) {
    const headers = Object.assign({ Accept: "application/json" }, (options && options.headers) || {});
    if (token) headers.Authorization = "Bearer " + token;
    let response;
    try {
      response = await fetch(path, Object.assign({}, options, { headers: headers, cache: "no-store" }));
    } catch (error) {
      throw new Offline("No connection");
    }
    if (response.status === 401 && token) throw new SignedOut("Signed out");
    return response;
  }

  function problemText(body) {
    if (!body || !body.detail) return "Something went wrong.";
    if (typeof body.detail === "string") return body.detail;
    return body.detail.map(function (p) { return p.msg; }).join(" ");
  }

  async function signIn(db, company, email, password) {
    const response = await call(null, "/api/v1/auth/token", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ company: company, email: email, password: password,
                             device: "Reps' app, " + navigator.platform }),
    });
    const body = await response.json().catch(function () { return null; });
    if (response.status !== 201) throw new Error(problemText(body));
    const session = { token: body.token, user: body.user, company: body.company };
    await sessionKeep(db, session);
    return session;
  }

  /* The device's copy belongs to one rep (the feed brings that rep's orders, the outbox
     holds their unsent ones): another rep starts a fresh copy, and is refused while the
     previous rep's orders still wait to be sent. */
  async function sessionKeep(db, session) {
    const last = await S.metaGet(db, "rep");
    if (last && last !== session.user) {
      if (await S.unsentCount(db)) {
        await call(session.token, "/api/v1/auth/token", { method: "DELETE" }).catch(function () {});
        throw new Error("Orders taken by " + last + " still wait on this device: " + last +
                        " must sign in to send them first.");
      }
      await db.transaction("rw", db.tables, async function () {
        for (const table of db.tables) await table.clear();
      });
    }
    await S.metaPut(db, "rep", session.user);
    await S.metaPut(db, "session", session);
  }

  async function signOut(db, session) {
    try {
      await call(session.token, "/api/v1/auth/token", { method: "DELETE" });
    } catch (error) {
      if (!(error instanceof Offline) && !(error instanceof SignedOut)) throw error;
    }
    await db.delete(); // nothing of the company stays on the device
    await caches.delete(S.picturesCache(session.company));
  }

  // The kinds the rep's reach narrows (salesdesk/api/feed.py `reached`).
  const NARROWED = ["customers", "item_prices", "orders", "addresses", "contacts", "sales_orders",
                    "sales_order_lines", "sales_invoices", "sales_invoice_lines", "open_items"];

  async function pageStore(db, body) {
    await db.transaction("rw", S.KINDS.map(function (k) { return db[k]; }).concat([db.meta]), async function () {
      // What the rep may see changed: what is still theirs comes again from this page on.
      if (body.reach_changed) for (const kind of NARROWED) await db[kind].clear();
      for (const kind of S.KINDS) {
        const rows = body.changes[kind] || [];
        if (rows.length) await db[kind].bulkPut(rows);
      }
      for (const gone of body.changes.departures || []) await departureApply(db, gone);
      await S.metaPut(db, "cursor", body.cursor);
      if (!body.has_more) await S.metaPut(db, "synced_at", new Date().toISOString());
    });
  }

  /* A customer Exact gave another account manager: off the device with what hangs off it,
     but the orders the rep took for it (still theirs on the server). A customer stored at
     the departure's version or later came back meanwhile and stays. Orders waiting in the
     outbox stay too: they go to the server, which refuses them now (422), and the refusal
     shows in the list of orders. */
  async function departureApply(db, gone) {
    const id = gone.customer_id;
    const customer = await db.customers.get(id);
    if (customer && customer.version >= gone.version) return;
    await db.customers.delete(id);
    await db.item_prices.filter(function (p) { return p.customer_id === id; }).delete();
    for (const kind of ["addresses", "contacts", "sales_invoices", "sales_invoice_lines", "open_items"]) {
      await db[kind].where("customer_id").equals(id).delete();
    }
    const orders = await db.sales_orders.where("customer_id").equals(id).primaryKeys();
    await db.sales_order_lines.where("order_id").anyOf(orders).delete();
    await db.sales_orders.bulkDelete(orders);
    const kept = new Set(gone.orders_kept);
    await db.orders.filter(function (o) { return o.customer_id === id && !kept.has(o.number); }).delete();
  }

  /* Fetch everything the feed has after the stored cursor. `progress(done, total)` is
     told after every page; returns how many records arrived. */
  async function changesFollow(db, token, progress) {
    let cursor = await S.metaGet(db, "cursor");
    const since = cursor ? "?since=" + encodeURIComponent(cursor) : "";
    const counted = await call(token, "/api/v1/changes/count" + since);
    const total = counted.ok ? (await counted.json()).total : 0;
    let done = 0, more = true;
    progress(0, total);
    while (more) {
      const query = "?limit=" + PAGE + (cursor ? "&since=" + encodeURIComponent(cursor) : "");
      const response = await call(token, "/api/v1/changes" + query);
      if (!response.ok) throw new Error("The server answered " + response.status + ".");
      const body = await response.json();
      await pageStore(db, body);
      for (const kind of S.KINDS.concat(["departures"])) done += (body.changes[kind] || []).length;
      if (body.reach_changed) done += 1; // what the device held changed, though none may come
      progress(done, Math.max(total, done));
      cursor = body.cursor;
      more = body.has_more;
    }
    return done;
  }

  /* The lists an order header picks from (shipping methods, payment conditions), kept for
     offline use; read with the feed, so they follow Exact as the records do. Returns
     whether they changed. */
  async function termsFetch(db, token) {
    const response = await call(token, "/api/v1/order-terms");
    if (!response.ok) throw new Error("The server answered " + response.status + ".");
    const terms = await response.json();
    if (JSON.stringify(terms) === JSON.stringify(await S.metaGet(db, "order_terms"))) return false;
    await S.metaPut(db, "order_terms", terms);
    return true;
  }

  /* Store the pictures of active items that the cache lacks; `progress(done, total)`. */
  async function picturesFetch(db, company, progress) {
    const cache = await caches.open(S.picturesCache(company));
    const stored = new Set((await cache.keys()).map(function (r) { return new URL(r.url).pathname; }));
    const wanted = (await db.items.filter(function (i) { return i.active && !!i.picture_url; }).toArray())
      .map(function (i) { return S.pictureUrl(i.id); })
      .filter(function (url) { return !stored.has(url); });
    const session = await S.metaGet(db, "session");
    let next = 0, done = 0;
    progress(0, wanted.length);
    async function worker() {
      while (next < wanted.length) {
        const url = wanted[next++];
        const response = await call(session.token, url);
        if (response.ok) await cache.put(url, response);
        progress(++done, wanted.length);
      }
    }
    const workers = [];
    for (let n = 0; n < PICTURE_FETCHES; n++) workers.push(worker());
    await Promise.all(workers);
  }

  global.RepsSync = {
    Offline: Offline, SignedOut: SignedOut, call: call, problemText: problemText,
    signIn: signIn, signOut: signOut, changesFollow: changesFollow, picturesFetch: picturesFetch,
    termsFetch: termsFetch,
  };
})(self);
