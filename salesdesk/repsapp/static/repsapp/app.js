/* The reps' app: signs in, downloads, then works from the device's copy; talks to the
   API when there is a connection (sending waiting orders, following the feed). */
(function () {
  "use strict";
  const S = self.RepsStore, R = self.RepsSync, O = self.RepsOutbox;
  const M = self.RepsMemory, V = self.RepsViews, NC = self.RepsNewCustomers;
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
    const made = await state.db.new_customers.filter(function (c) { return c.state !== "sent"; }).count();
    const parts = [navigator.onLine ? "Online" : "Offline"];
    parts.push(synced ? "brought up to date " + V.when(synced) : "no data yet");
    if (waiting) parts.push(waiting + (waiting === 1 ? " order waits" : " orders wait") + " to be sent");
    if (made) parts.push(made + (made === 1 ? " new customer waits" : " new customers wait") + " to be sent");
    $("freshness").textContent = parts.join(" · ");
    body.classList.toggle("offline", !navigator.onLine);
  }

  async function ordersShow() {
    const orders = await state.db.outbox.orderBy("created_at").reverse().limit(20).toArray();
    const unsent = await state.db.new_customers.filter(function (c) { return c.state !== "sent"; }).primaryKeys();
    V.orderRows($("order-list"), orders, new Set(unsent));
    $("orders-title").hidden = orders.length === 0;
    await freshnessShow();
  }

  function customersShow() {
    V.customerRows($("customer-list"), M.find(state.memory.customers, $("customer-search").value), state.customer);
  }

  const pane = self.RepsOrderPane({
    state: state, $: $, customersShow: customersShow, ordersShow: ordersShow, tick: tick, guarded: guarded,
    doorShow: function (customer) { door.show(customer); }, doorHide: function () { door.hide(); },
  });
  const door = self.RepsDoorPane({ state: state, $: $, itemAdd: pane.itemAdd });
  const newCustomer = self.RepsNewCustomerPane({
    state: state, $: $, guarded: guarded, customersShow: customersShow, ordersShow: ordersShow, tick: tick,
    customerPick: function (id) { return pane.customerPick(id); },
  });

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
    await R.termsFetch(state.db, state.session.token);
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
    await pane.draftRestore();
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
    if (await S.unsentCount(state.db)) {
      $("notice").textContent = "Orders or new customers still wait to be sent: connect to the network " +
        "first (a refused new customer: correct it).";
      $("notice").hidden = false;
      return;
    }
    await R.signOut(state.db, state.session);
    location.reload();
  }

  // Newer records from the feed.
  async function feedFollow() {
    if (await R.termsFetch(state.db, state.session.token)) pane.headerRefresh();
    if (!(await R.changesFollow(state.db, state.session.token, function () {}))) return;
    state.memory = await M.memoryLoad(state.db);
    pane.refresh();
    customersShow();
    picturesRun();
  }

  // `feed`: read the feed now (on start, and when the connection comes back).
  async function tick(feed) {
    if (!navigator.onLine || !state.session || !state.memory) return freshnessShow();
    await guarded(async function () {
      // New customers first: the orders taken for them go once the server has them.
      await NC.customersSend(state.db, state.session.token);
      await O.outboxSend(state.db, state.session.token);
      await O.outboxPoll(state.db, state.session.token);
      await NC.customersPoll(state.db, state.session.token);
      await newCustomer.refresh(false);
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
    $("customer-list").addEventListener("click", function (e) {
      const row = e.target.closest("[data-customer]");
      if (row) pane.customerPick(row.dataset.customer);
    });
    pane.listen();
    door.listen();
    newCustomer.listen();
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
