/* The order pane: the customer being served, item search with prices, the lines, the
   header fields and Send order. `app` gives the shared state and what the pane needs
   of the rest of the app: {state, $, customersShow, ordersShow, tick, guarded}. */
(function (global) {
  "use strict";
  const S = global.RepsStore, O = global.RepsOutbox, M = global.RepsMemory;
  const V = global.RepsViews, A = global.RepsAmounts, D = global.RepsDraft, H = global.RepsHeader;
  const FIELDS = ["your-ref", "delivery-date", "notes"];

  function orderPane(app) {
    const state = app.state, $ = app.$, body = document.body;
    const header = H.headerPane({ state: state, $: $, changed: function () { linesShow(); } });

    function itemsShow() {
      const found = M.find(state.memory.items, $("item-search").value);
      V.itemRows($("item-list"), found, function (item, quantity) {
        return M.priceFor(state.memory, state.customer, item, quantity);
      });
    }

    function linesShow() {
      V.lineRows($("line-list"), state.lines);
      const sum = D.draftTotal(state.lines);
      $("order-total").textContent = state.lines.length
        ? "Total excl. VAT: " + A.money(sum.total) + (sum.priced ? "" : " (some lines unpriced)")
        : "No lines yet: tap an item to add it.";
      const problems = D.draftProblems(state.customer, state.lines)
        .concat(state.customer ? H.headerProblems(header.read()) : []);
      $("order-problems").textContent = problems.join(" ");
      $("order-problems").hidden = problems.length === 0;
      $("send-order").disabled = state.lines.length === 0 || problems.length > 0;
      draftKeep();
    }

    // The order being taken is kept at every change: a page the phone closed comes back with it.
    function draftKeep() {
      const draft = state.customer && {
        customer_id: state.customer.id, customer_name: state.customer.name,
        lines: state.lines.map(function (l) { return { item_id: l.item.id, quantity: l.quantity }; }),
        header: header.read(), your_ref: $("your-ref").value, delivery_date: $("delivery-date").value, notes: $("notes").value,
      };
      S.metaPut(state.db, "draft", draft || null);
    }

    async function draftRestore() {
      const draft = await S.metaGet(state.db, "draft");
      const id = draft && (await draftCustomer(draft.customer_id));
      if (draft && !id && !draft.customer_id.startsWith("new:")) return draftGone(draft);
      if (!id) return;
      await customerPick(id, draft.header);
      for (const kept of draft.lines) {
        const item = state.memory.itemsById.get(kept.item_id);
        if (!item) continue; // no longer sold
        const line = { item: item, quantity: kept.quantity, quote: null };
        state.lines.push(line);
        lineQuote(line);
      }
      $("your-ref").value = draft.your_ref;
      $("delivery-date").value = draft.delivery_date;
      $("notes").value = draft.notes;
      linesShow();
    }

    // The draft's customer as listed now: a new customer made on the device is listed by
    // its Exact ID once the feed brought its account.
    async function draftCustomer(id) {
      const listed = function (wanted) { return state.memory.customers.some(function (c) { return c.id === wanted; }); };
      if (listed(id)) return id;
      const made = id.startsWith("new:") ? await state.db.new_customers.get(id.slice(4)) : null;
      return made && made.exact_id && listed(made.exact_id) ? made.exact_id : null;
    }

    function lineQuote(line) {
      line.quote = D.quantityValid(line.quantity)
        ? M.priceFor(state.memory, state.customer, line.item, line.quantity) : null;
    }

    // `kept`: the header of the order being taken, else the customer's defaults. Returns
    // once the header's lists are filled in.
    function customerPick(id, kept) {
      state.customer = state.memory.customers.find(function (c) { return c.id === id; });
      state.lines = [];
      for (const field of FIELDS.concat(["item-search"])) $(field).value = "";
      $("order-customer").textContent = state.customer.name + " · " + state.customer.code +
        (state.customer.address.city ? " · " + state.customer.address.city : "");
      $("order-customer-edit").hidden = !state.customer.pending || state.customer.pending.state === "sent";
      $("order-empty").hidden = true;
      $("order-form").hidden = false;
      body.classList.add("ordering");
      app.doorShow(state.customer);
      app.customersShow();
      itemsShow();
      linesShow();
      $("item-search").focus();
      return header.fill(state.customer, kept || null).then(linesShow);
    }

    async function orderSend() {
      await O.orderKeep(state.db, {
        customer: state.customer, lines: state.lines, header: header.read(), your_ref: $("your-ref").value.trim(),
        delivery_date: $("delivery-date").value, notes: $("notes").value.trim(),
      });
      orderClose();
      app.customersShow();
      await app.ordersShow();
      app.tick();
    }

    // An item tapped elsewhere (the reorder list): one more of it on the order.
    function itemAdd(item) {
      lineQuote(D.lineAdd(state.lines, item));
      linesShow();
    }

    function listen() {
      $("item-search").addEventListener("input", itemsShow);
      $("item-list").addEventListener("click", function (e) {
        const row = e.target.closest("[data-item]");
        if (!row) return;
        itemAdd(state.memory.itemsById.get(row.dataset.item));
      });
      $("line-list").addEventListener("click", function (e) {
        const button = e.target.closest("[data-remove]");
        if (!button) return;
        state.lines.splice(Number(button.dataset.remove), 1);
        linesShow();
      });
      $("line-list").addEventListener("change", function (e) {
        const line = state.lines[Number(e.target.dataset.line)];
        if (!line) return;
        line.quantity = e.target.value.trim().replace(",", ".");
        lineQuote(line);
        linesShow();
      });
      for (const field of FIELDS) $(field).addEventListener("input", draftKeep);
      header.listen();
      $("back").addEventListener("click", function () { body.classList.remove("ordering"); });
      $("send-order").addEventListener("click", function () { app.guarded(orderSend); });
    }

    // Prices again after new records arrived (the customer being served keeps its place).
    function refresh() {
      if (state.customer) {
        const id = state.customer.id;
        const listed = state.memory.customers.find(function (c) { return c.id === id; });
        if (!listed && !state.customer.pending) return customerGone();
        state.customer = listed || state.customer;
        for (const line of state.lines) lineQuote(line);
        app.doorShow(state.customer);
        itemsShow();
        linesShow();
      }
    }

    /* The customer being served left the rep's reach (Exact gave it another account
       manager, salesdesk/api/feed_departures.py): its order cannot be sent any more. */
    function customerGone() {
      const name = state.customer.name;
      orderClose();
      $("notice").textContent = name + " is no longer your customer in Exact Online: " +
        "the order being taken for it cannot be sent and was dropped.";
      $("notice").hidden = false;
    }

    // The draft's customer left the device while the app was closed (as customerGone).
    function draftGone(draft) {
      S.metaPut(state.db, "draft", null);
      $("notice").textContent = (draft.customer_name || "The customer of the order being taken") +
        " is no longer your customer in Exact Online: the order being taken for it cannot be " +
        "sent and was dropped.";
      $("notice").hidden = false;
    }

    function orderClose() {
      state.customer = null;
      state.lines = [];
      $("order-form").hidden = true;
      $("order-empty").hidden = false;
      $("order-customer").textContent = "";
      app.doorHide();
      body.classList.remove("ordering");
      draftKeep();
    }

    // New order terms: the lists again, the rep's choices kept where still offered.
    function headerRefresh() {
      if (state.customer) header.fill(state.customer, header.read()).then(linesShow);
    }

    return {
      headerRefresh: headerRefresh, listen: listen, customerPick: customerPick, draftRestore: draftRestore, refresh: refresh, itemAdd: itemAdd,
    };
  }

  global.RepsOrderPane = orderPane;
})(self);
