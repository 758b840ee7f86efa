/* The New customer screen: made on the device (with or without a connection), corrected
   there when the server refused it (a duplicate of a customer Salesdesk has, a missing
   last name), then picked at once so the rep can take its order.
   `app`: {state, $, guarded, customersShow, ordersShow, tick, customerPick(id)}. */
(function (global) {
  "use strict";
  const NC = global.RepsNewCustomers, M = global.RepsMemory;
  const ADDRESS = ["line1", "postcode", "city", "country"];
  // The server's field names (POST /api/v1/customers) and the form's inputs.
  const INPUTS = {
    name: "nc-name", email: "nc-email", phone: "nc-phone", vat_number: "nc-vat",
    "contact.first_name": "nc-first-name", "contact.last_name": "nc-last-name",
  };
  for (const part of ADDRESS) {
    INPUTS["address." + part] = "nc-" + part;
    INPUTS["delivery_address." + part] = "nc-delivery-" + part;
  }
  const LABELS = {
    name: "Name", email: "Email", phone: "Phone", vat_number: "VAT number",
    "contact.first_name": "First name", "contact.last_name": "Last name",
  };

  function newCustomerPane(app) {
    const state = app.state, $ = app.$;
    let editing = null; // the key of the customer being corrected
    let seen = ""; // the device's new customers as last listed

    function value(field) {
      return $(INPUTS[field]).value.trim();
    }

    function address(prefix) {
      const out = {};
      for (const part of ADDRESS) out[part] = value(prefix + "." + part);
      out.country = out.country.toUpperCase();
      return out;
    }

    function data() {
      const delivery = address("delivery_address");
      const first = value("contact.first_name"), last = value("contact.last_name");
      return {
        name: value("name"),
        status: document.querySelector("input[name=nc-status]:checked").value,
        address: address("address"),
        email: value("email"), phone: value("phone"), vat_number: value("vat_number"),
        contact: first || last ? { first_name: first, last_name: last } : null,
        delivery_address: ADDRESS.some(function (p) { return delivery[p]; }) ? delivery : null,
      };
    }

    function fill(kept) {
      const flat = { name: kept.name, email: kept.email, phone: kept.phone, vat_number: kept.vat_number };
      for (const part of ADDRESS) {
        flat["address." + part] = (kept.address || {})[part];
        flat["delivery_address." + part] = (kept.delivery_address || {})[part];
      }
      flat["contact.first_name"] = (kept.contact || {}).first_name;
      flat["contact.last_name"] = (kept.contact || {}).last_name;
      for (const [field, id] of Object.entries(INPUTS)) $(id).value = flat[field] || "";
      document.querySelector("input[name=nc-status][value=" + (kept.status || "customer") + "]").checked = true;
    }

    function problemsShow(problems) {
      const texts = Object.entries(problems || {}).map(function ([field, msg]) {
        return (LABELS[field] || field.replace(/[._]/g, " ")) + ": " + msg;
      });
      $("nc-problems").textContent = texts.join(" ");
      $("nc-problems").hidden = texts.length === 0;
      for (const [field, id] of Object.entries(INPUTS)) {
        $(id).setAttribute("aria-invalid", problems && problems[field] ? "true" : "false");
      }
    }

    // `row`: a customer of the device to correct; none for a new one.
    function open(row) {
      editing = row ? row.key : null;
      fill(row ? row.data : { country: "" });
      problemsShow(row ? row.problems : null);
      $("new-customer-title").textContent = row ? "Correct the new customer" : "New customer";
      $("new-customer").hidden = false;
      $("nc-name").focus();
    }

    async function submit(event) {
      event.preventDefault();
      const typed = data();
      if (!typed.name) return problemsShow({ name: "Enter the customer's name." });
      const row = await NC.customerKeep(state.db, typed, editing);
      $("new-customer").hidden = true;
      await made(row, editing !== null);
    }

    // A customer kept on the device is listed at once; a new one is served at once.
    async function made(row, corrected) {
      await refresh(true);
      if (!corrected) await app.customerPick("new:" + row.key);
      await app.ordersShow();
      app.tick();
    }

    // The customer list again when the device's new customers moved on (sent, in Exact).
    async function refresh(force) {
      const rows = await state.db.new_customers.toArray();
      const now = JSON.stringify(rows.map(function (r) { return [r.key, r.state, r.exact_id, r.exact_state, r.problem]; }));
      if (!force && now === seen) return;
      seen = now;
      state.memory = await M.memoryLoad(state.db);
      app.customersShow();
    }

    async function edit(key) {
      const row = await state.db.new_customers.get(key);
      if (row && row.state !== "sent") open(row);
    }

    function listen() {
      $("new-customer-open").addEventListener("click", function () { open(null); });
      $("new-customer-cancel").addEventListener("click", function () { $("new-customer").hidden = true; });
      $("new-customer-form").addEventListener("submit", function (e) { app.guarded(function () { return submit(e); }); });
      $("customer-list").addEventListener("click", function (e) {
        const button = e.target.closest("[data-edit-customer]");
        if (button) edit(button.dataset.editCustomer);
      });
      $("order-customer-edit").addEventListener("click", function () {
        if (state.customer && state.customer.new_key) edit(state.customer.new_key);
      });
    }

    return { listen: listen, open: open, refresh: refresh };
  }

  global.RepsNewCustomerPane = newCustomerPane;
})(self);
