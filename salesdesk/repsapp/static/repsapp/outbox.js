/* Orders made on the device. An order is stored first, with its Idempotency-Key made
   right then; it is sent when there is a connection, and a retry (a lost answer, a page
   reopened later) sends the same body with the same key, so the server makes it once. */
(function (global) {
  "use strict";
  const R = global.RepsSync;
  const UNSETTLED = ["draft", "queued", "sending"];
  let sending = false;

  function newKey() {
    if (global.crypto && global.crypto.randomUUID) return global.crypto.randomUUID();
    const bytes = global.crypto.getRandomValues(new Uint8Array(16));
    return Array.from(bytes, function (b) { return b.toString(16).padStart(2, "0"); }).join("");
  }

  async function orderKeep(db, draft) {
    const order = {
      key: newKey(),
      created_at: new Date().toISOString(),
      state: "waiting",
      customer: { id: draft.customer.id, code: draft.customer.code, name: draft.customer.name },
      your_ref: draft.your_ref,
      delivery_date: draft.delivery_date || null,
      notes: draft.notes,
      lines: draft.lines.map(function (l) {
        return { item_id: l.item.id, code: l.item.code, description: l.item.description,
                 quantity: l.quantity, unit_price: l.quote ? l.quote.unit_price : null };
      }),
      number: null, status: null, exact_order_number: null, exact_message: "", problem: "",
    };
    await db.outbox.put(order);
    return order;
  }

  function payload(order) {
    // No unit_price: the server prices every line by its rules when the order arrives.
    return {
      customer_id: order.customer.id,
      your_ref: order.your_ref,
      delivery_date: order.delivery_date,
      notes: order.notes,
      lines: order.lines.map(function (l) { return { item_id: l.item_id, quantity: l.quantity }; }),
    };
  }

  function fromServer(order, body) {
    return Object.assign(order, {
      number: body.number, status: body.status,
      exact_order_number: body.exact_order_number, exact_message: body.exact_message || "",
    });
  }

  async function sendOne(db, token, order) {
    const response = await R.call(token, "/api/v1/orders", {
      method: "POST",
      headers: { "Content-Type": "application/json", "Idempotency-Key": order.key },
      body: JSON.stringify(payload(order)),
    });
    const body = await response.json().catch(function () { return null; });
    if (response.status === 201) {
      await db.outbox.put(fromServer(Object.assign(order, { state: "sent" }), body));
      return true;
    }
    if (response.status === 422) {
      await db.outbox.put(Object.assign(order, { state: "refused", problem: R.problemText(body) }));
      return true;
    }
    return false; // the server could not take it now: it stays waiting
  }

  /* Send every waiting order, oldest first; stops at the first that cannot go now. */
  async function outboxSend(db, token) {
    if (sending) return 0;
    sending = true;
    let sent = 0;
    try {
      const waiting = await db.outbox.where("created_at").above("").filter(function (o) {
        return o.state === "waiting";
      }).toArray();
      for (const order of waiting) {
        if (!(await sendOne(db, token, order))) break;
        sent += 1;
      }
    } finally {
      sending = false;
    }
    return sent;
  }

  /* Ask the server how the sent orders are doing until Exact has them (or refused them). */
  async function outboxPoll(db, token) {
    const open = await db.outbox.filter(function (o) {
      return o.state === "sent" && UNSETTLED.includes(o.status);
    }).toArray();
    for (const order of open) {
      const response = await R.call(token, "/api/v1/orders/" + encodeURIComponent(order.number));
      // An answer from the device's own copy (the service worker, offline) is no news.
      if (response.ok && !response.headers.has("X-Salesdesk-Offline")) {
        await db.outbox.put(fromServer(order, await response.json()));
      }
    }
    return open.length;
  }

  global.RepsOutbox = {
    orderKeep: orderKeep, outboxSend: outboxSend, outboxPoll: outboxPoll, UNSETTLED: UNSETTLED,
  };
})(self);
