/* New customers made on the device. Like an order, a new customer is stored first with
   its Idempotency-Key, sent once when there is a connection (a retry sends the same body
   with the same key), and followed until Exact has the account. Until the feed brings
   that account, the app lists the customer from here, so orders can be taken for it;
   those orders wait on the device until the server took the customer. */
(function (global) {
  "use strict";
  const S = global.RepsStore, R = global.RepsSync;
  const PREFIX = "new:"; // the app's id of a customer the feed has not brought yet
  let sending = false;

  // `key`: the customer being corrected (it keeps its key: a refused request is no answer).
  async function customerKeep(db, data, key) {
    const kept = key ? await db.new_customers.get(key) : null;
    if (kept && kept.state === "sent") throw new Error("This customer was sent already.");
    const row = Object.assign(kept || {
      key: S.newKey(), created_at: new Date().toISOString(),
      salesdesk_id: null, exact_id: null, code: "", exact_state: "", exact_message: "",
    }, { data: data, state: "waiting", problem: "", problems: {} });
    await db.new_customers.put(row);
    return row;
  }

  function fromServer(row, body) {
    return Object.assign(row, {
      salesdesk_id: body.salesdesk_id, exact_id: body.id, code: body.code,
      exact_state: body.exact_state, exact_message: body.exact_message || "",
    });
  }

  // The field each problem is about ("contact.last_name"), as the form shows them.
  function fieldProblems(body) {
    const problems = {};
    for (const p of (body && Array.isArray(body.detail) ? body.detail : [])) {
      const field = (p.loc || []).slice(2).join(".") || "name";
      problems[field] = (problems[field] ? problems[field] + " " : "") + p.msg;
    }
    return problems;
  }

  async function sendOne(db, token, row) {
    const response = await R.call(token, "/api/v1/customers", {
      method: "POST",
      headers: { "Content-Type": "application/json", "Idempotency-Key": row.key },
      body: JSON.stringify(row.data),
    });
    const body = await response.json().catch(function () { return null; });
    if (response.status === 201) {
      await db.new_customers.put(fromServer(Object.assign(row, { state: "sent" }), body));
      return true;
    }
    if (response.status === 422) {
      // A duplicate names the customer Salesdesk has already: the rep corrects or drops it.
      await db.new_customers.put(Object.assign(row, {
        state: "refused", problem: R.problemText(body), problems: fieldProblems(body),
      }));
      return true;
    }
    return false; // the server could not take it now: it stays waiting
  }

  /* Send every waiting customer, oldest first; stops at the first that cannot go now.
     One round at a time: two rounds (a timer's and a tap's) would send a customer twice
     at once, which the server answers once but only after making the second wait. */
  async function customersSend(db, token) {
    if (sending) return;
    sending = true;
    try {
      const waiting = await db.new_customers.orderBy("created_at").filter(function (c) {
        return c.state === "waiting";
      }).toArray();
      for (const row of waiting) if (!(await sendOne(db, token, row))) break;
    } finally {
      sending = false;
    }
  }

  /* Ask how the sent customers are doing until Exact has their account (or refused it). */
  async function customersPoll(db, token) {
    const open = await db.new_customers.filter(function (c) {
      return c.state === "sent" && !c.exact_id && c.exact_state !== "failed";
    }).toArray();
    for (const row of open) {
      const response = await R.call(token, "/api/v1/customers/created/" + row.salesdesk_id);
      if (response.ok) await db.new_customers.put(fromServer(row, await response.json()));
    }
  }

  // A new customer as the app lists customers (see memory.js), with no history in Exact.
  function asCustomer(row) {
    const a = row.data.address || {};
    return {
      id: PREFIX + row.key, new_key: row.key, pending: row, name: row.data.name,
      code: row.code || "New", active: true, blocked: false, credit_limit: null,
      payment_condition: "", price_list: null, email: row.data.email, phone: row.data.phone,
      address: { line1: a.line1 || "", postcode: a.postcode || "", city: a.city || "", country: a.country || "" },
    };
  }

  // The device's new customers not yet brought by the feed (`known`: Exact IDs it brought).
  function pendingCustomers(rows, known) {
    return rows.filter(function (r) { return !(r.exact_id && known.has(r.exact_id)); }).map(asCustomer);
  }

  global.RepsNewCustomers = {
    customerKeep: customerKeep, customersSend: customersSend, customersPoll: customersPoll,
    pendingCustomers: pendingCustomers,
  };
})(self);
