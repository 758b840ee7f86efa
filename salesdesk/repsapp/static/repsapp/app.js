/* The reps' app: signs in, downloads, then works from the device's copy; talks to the
   API when there is a connection (sending waiting orders, following the feed). */
(function () {
  "use strict";
  const S = self.RepsStore, R = self.RepsSync, O = self.RepsOutbox;
  const M = self.RepsMemory, V = self.RepsViews, A = self.RepsAmounts, D = self.RepsDraft;
  const TICK_MS = 4000; // how often a connected device sends and asks for order statuses
  const FEED_EVERY = 15; // ticks between two reads of the delta feed
  const body = document.body;
  const company = body.dataset.company;
  const $ = function (id) { return document.getElementById(id); };
  const state = { db: S.open(company), session: null, memory: null, customer: null, lines: [], ticks: 0 };

  function show(section) {
    for (const id of ["sign-in", "download", "work"]) $(id).hidden = id !== section;
    $("sign-out").hidden = section === "sign-in";
    if (section !== "work") delete body.dataset.ready;
  }

  async function freshnessShow() {
    const synced = await S.metaGet(state.db, "synced_at");
    const waiting = await state.db.outbox.filter(function (o) { return o.state === "waiting"; }).count();
    const parts = [navigator.onLine ? "Online" : "Offline"];
    parts.push(synced ? "brought up to date " + V.when(synced) : "no data yet");
    if (waiting) parts.push(waiting + (waiting === 1 ? " order waits" : " orders wait") + " to be sent");
    $("freshness").textContent = parts.join(" · ");
    body.classList.toggle("offline", !navigator.onLine);
  }

  async function ordersShow() {
    const orders = await state.db.outbox.orderBy("created_at").reverse().limit(20).toArray();
    V.orderRows($("order-list"), orders);
    $("orders-title").hidden = orders.length === 0;
    await freshnessShow();
  }

  function customersShow() {
    V.customerRows($("customer-list"), M.find(state.memory.customers, $("customer-search").value), state.customer);
  }

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
    const problems = D.draftProblems(state.customer, state.lines);
    $("order-problems").textContent = problems.join(" ");
    $("order-problems").hidden = problems.length === 0;
    $("send-order").disabled = state.lines.length === 0 || problems.length > 0;
    draftKeep();
  }

  // The order being taken is kept at every change: a page the phone closed comes back with it.
  function draftKeep() {
    const draft = state.customer && {
      customer_id: state.customer.id,
      lines: state.lines.map(function (l) { return { item_id: l.item.id, quantity: l.quantity }; }),
      your_ref: $("your-ref").value, delivery_date: $("delivery-date").value, notes: $("notes").value,
    };
    S.metaPut(state.db, "draft", draft || null);
  }

  async function draftRestore() {
    const draft = await S.metaGet(state.db, "draft");
    if (!draft || !state.memory.customers.some(function (c) { return c.id === draft.customer_id; })) return;
    customerPick(draft.customer_id);
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

  function lineQuote(line) {
    line.quote = D.quantityValid(line.quantity)
      ? M.priceFor(state.memory, state.customer, line.item, line.quantity) : null;
  }

  function customerPick(id) {
    state.customer = state.memory.customers.find(function (c) { return c.id === id; });
    state.lines = [];
    for (const field of ["your-ref", "delivery-date", "notes", "item-search"]) $(field).value = "";
    $("order-customer").textContent = state.customer.name + " · " + state.customer.code +
      (state.customer.address.city ? " · " + state.customer.address.city : "");
    $("order-empty").hidden = true;
    $("order-form").hidden = false;
    body.classList.add("ordering");
    customersShow();
    itemsShow();
    linesShow();
    $("item-search").focus();
  }

  function itemAdd(id) {
    lineQuote(D.lineAdd(state.lines, state.memory.itemsById.get(id)));
    linesShow();
  }

  async function orderSend() {
    const draft = {
      customer: state.customer, lines: state.lines, your_ref: $("your-ref").value.trim(),
      delivery_date: $("delivery-date").value, notes: $("notes").value.trim(),
    };
    await O.orderKeep(state.db, draft);
    state.customer = null;
    state.lines = [];
    $("order-form").hidden = true;
    $("order-empty").hidden = false;
    $("order-customer").textContent = "";
    body.classList.remove("ordering");
    draftKeep();
    customersShow();
    await ordersShow();
    tick();
  }

  async function downloadRun() {
    show("download");
    const bar = $("download-progress"), text = $("download-text");
    function progress(what) {
      return function (done, total) {
        bar.max = Math.max(total, 1);
        bar.value = done;
        text.textContent = what + ": " + done.toLocaleString() + " of " + total.toLocaleString();
      };
    }
    await R.changesFollow(state.db, state.session.token, progress("Records"));
  }

  // Pictures come after the records, while the rep can already work.
  async function picturesRun() {
    const bar = $("pictures-progress"), text = $("pictures-text");
    await guarded(async function () {
      await R.picturesFetch(state.db, company, function (done, total) {
        $("pictures").hidden = done === total;
        bar.max = Math.max(total, 1);
        bar.value = done;
        text.textContent = "Pictures: " + done.toLocaleString() + " of " + total.toLocaleString();
      });
      body.dataset.pictures = "done";
    });
  }

  async function workShow() {
    state.memory = await M.memoryLoad(state.db);
    show("work");
    customersShow();
    await draftRestore();
    await ordersShow();
    body.dataset.ready = "true";
  }

  async function guarded(work) {
    try {
      return await work();
    } catch (error) {
      if (error instanceof R.SignedOut) return tokenLost();
      if (!(error instanceof R.Offline)) console.error(error);
    } finally {
      await freshnessShow();
    }
  }

  // The token was revoked (or the rep removed): sign in again; waiting orders stay.
  async function tokenLost() {
    state.session = null;
    await S.metaPut(state.db, "session", null);
    show("sign-in");
    $("sign-in-error").textContent = "Your sign-in has ended: sign in again. " +
      "Orders waiting on this device stay and are sent afterwards.";
    $("sign-in-error").hidden = false;
  }

  // Signing out removes the company's data from the device: never with orders unsent.
  async function signOutClick() {
    const waiting = await state.db.outbox.filter(function (o) { return o.state === "waiting"; }).count();
    if (waiting) {
      $("notice").textContent = "Orders still wait to be sent: connect to the network first.";
      $("notice").hidden = false;
      return;
    }
    await R.signOut(state.db, state.session);
    location.reload();
  }

  // Newer records from the feed (the customer being served keeps its place).
  async function feedFollow() {
    if (!(await R.changesFollow(state.db, state.session.token, function () {}))) return;
    state.memory = await M.memoryLoad(state.db);
    if (state.customer) {
      const id = state.customer.id;
      state.customer = state.memory.customers.find(function (c) { return c.id === id; }) || state.customer;
    }
    customersShow();
    if (!$("order-form").hidden) itemsShow();
    picturesRun();
  }

  // `feed`: read the feed now (on start, and when the connection comes back).
  async function tick(feed) {
    if (!navigator.onLine || !state.session || !state.memory) return freshnessShow();
    await guarded(async function () {
      await O.outboxSend(state.db, state.session.token);
      await O.outboxPoll(state.db, state.session.token);
      if (feed === true || ++state.ticks % FEED_EVERY === 0) await feedFollow();
    });
    await ordersShow();
  }

  async function signInSubmit(event) {
    event.preventDefault();
    const error = $("sign-in-error");
    error.hidden = true;
    try {
      state.session = await R.signIn(state.db, company, $("email").value.trim(), $("password").value);
    } catch (failure) {
      error.textContent = failure instanceof R.Offline ? "No connection: signing in needs one." : failure.message;
      error.hidden = false;
      return;
    }
    await start();
  }

  async function start() {
    if (!(await S.metaGet(state.db, "synced_at"))) {
      try {
        await downloadRun();
      } catch (failure) {
        $("download-text").textContent = failure instanceof R.Offline
          ? "No connection: the download goes on when there is one."
          : "The download stopped: " + failure.message;
        return;
      }
    }
    await workShow();
    picturesRun();
    tick(true);
  }

  function listen() {
    $("sign-in-form").addEventListener("submit", signInSubmit);
    $("sign-out").addEventListener("click", function () { guarded(signOutClick); });
    $("customer-search").addEventListener("input", customersShow);
    $("item-search").addEventListener("input", itemsShow);
    $("customer-list").addEventListener("click", function (e) {
      const row = e.target.closest("[data-customer]");
      if (row) customerPick(row.dataset.customer);
    });
    $("item-list").addEventListener("click", function (e) {
      const row = e.target.closest("[data-item]");
      if (row) itemAdd(row.dataset.item);
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
    for (const field of ["your-ref", "delivery-date", "notes"]) $(field).addEventListener("input", draftKeep);
    $("back").addEventListener("click", function () { body.classList.remove("ordering"); });
    $("send-order").addEventListener("click", function () { guarded(orderSend); });
    window.addEventListener("online", function () { tick(true); });
    // The browser offers to install the app: keep its prompt for the rep's tap.
    window.addEventListener("beforeinstallprompt", function (event) {
      event.preventDefault();
      state.install = event;
      $("install").hidden = false;
    });
    $("install").addEventListener("click", function () {
      $("install").hidden = true;
      if (state.install) state.install.prompt();
      state.install = null;
    });
    window.addEventListener("offline", freshnessShow);
    setInterval(tick, TICK_MS);
  }

  async function boot() {
    listen();
    if ("serviceWorker" in navigator) {
      navigator.serviceWorker.register(body.dataset.worker, { scope: body.dataset.scope })
        .catch(function (error) { console.error("Service worker not installed", error); });
    }
    state.session = await S.metaGet(state.db, "session");
    if (!state.session) {
      show("sign-in");
      return freshnessShow();
    }
    await start();
  }

  boot();
})();
