/* Orders made on the device. An order is stored first, with its Idempotency-Key made
   right then; it is sent when there is a connection, and a retry (a lost answer, a page
   reopened later) sends the same body with the same key, so the server makes it once. */
(function (global) {
  "use strict";
  const R = global.RepsSync;
  const UNSETTLED = ["draft", "queued", "sending"];
  let sending = false;

  async function orderKeep(db, draft) {
    const order = {
      key: global.RepsStore.newKey(),
      created_at: new Date().toISOString(),
      state: "waiting",
      // A customer made on the device has no id the server knows yet: its key names it.
      customer: { id: draft.customer.new_key ? null : draft.customer.id, new_key: draft.customer.new_key || null,
                  code: draft.customer.code, name: draft.customer.name },
      header: draft.header,
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

  // `newCustomerId`: the Salesdesk id the server gave the order's new customer.
  function payload(order, newCustomerId) {
    // No unit_price: the server prices every line by its rules when the order arrives.
    const customer = order.customer.new_key ? { new_customer_id: newCustomerId } : { customer_id: order.customer.id };
    // An order kept before the header existed sends none: the customer's defaults in Exact.
    return Object.assign(customer, order.header ? global.RepsHeader.headerPayload(order.header) : {}, {
      your_ref: order.your_ref,
      delivery_date: order.delivery_date,
      notes: order.notes,
      lines: order.lines.map(function (l) { return { item_id: l.item_id, quantity: l.quantity }; }),
    });
  }

  function fromServer(order, body) {
    return Object.assign(order, {
      number: body.number, status: body.status,
      exact_order_number: body.exact_order_number, exact_message: body.exact_message || "",
      exact_quotation_number: body.exact_quotation_number || null,
      // The header as the server took it (the labels of Exact's defaults it filled in).
      sent_header: {
        kind: body.kind, delivery_address: body.delivery_address_text, contact: body.contact_name,
        shipping_method: body.shipping_method_label, payment_condition: body.payment_condition_label,
      },
    });
  }

  async function sendOne(db, token, order, newCustomerId) {
    const response = await R.call(token, "/api/v1/orders", {
      method: "POST",
      headers: { "Content-Type": "application/json", "Idempotency-Key": order.key },
      body: JSON.stringify(payload(order, newCustomerId)),
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
        let newCustomerId;
        if (order.customer.new_key) {
          const created = await db.new_customers.get(order.customer.new_key);
          // Until the server took the customer, its orders wait (the others go on).
          if (!created || !created.salesdesk_id) continue;
          newCustomerId = created.salesdesk_id;
        }
        if (!(await sendOne(db, token, order, newCustomerId))) break;
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
