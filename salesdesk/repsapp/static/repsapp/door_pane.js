/* The customer's door on the order pane (open invoices, reorder list, Exact's recent
   orders, addresses and contacts) and the item detail with its stock per warehouse,
   read from the device's copy. `app`: {state, $, itemAdd(item)}. */
(function (global) {
  "use strict";
  const D = global.RepsDoor, DV = global.RepsDoorViews;

  function doorPane(app) {
    const state = app.state, $ = app.$;
    let shown = null; // the customer whose door is drawn: a slower read for another is dropped
    let opened = null; // the customer whose sections were last opened or closed by the app

    function byCustomer(table, id) {
      return state.db[table].where("customer_id").equals(id).toArray();
    }

    function sold(itemId) {
      const item = state.memory.itemsById.get(itemId);
      return item && item.active && item.is_sales_item ? item : null;
    }

    async function show(customer) {
      shown = customer.id;
      const [open, lines, orders, addresses, contacts] = await Promise.all([
        byCustomer("open_items", customer.id), byCustomer("sales_invoice_lines", customer.id),
        byCustomer("sales_orders", customer.id), byCustomer("addresses", customer.id),
        byCustomer("contacts", customer.id),
      ]);
      if (shown !== customer.id) return;
      const on = D.today();
      const owed = D.openItems(open, customer, on);
      $("door-blocked").textContent = customer.name + " is blocked in Exact Online.";
      $("door-blocked").hidden = !owed.blocked;
      $("open-summary").textContent = DV.openSummary(owed);
      DV.openRows($("open-list"), owed);
      // Attention first: the section opens by itself when money is late or over the limit;
      // newer records for the same customer leave it as the rep has it.
      if (opened !== customer.id) $("open-section").open = owed.overdue_count > 0 || owed.over_limit || owed.blocked;
      opened = customer.id;
      DV.reorderRows($("reorder-list"), D.reorderList(lines, on), sold);
      DV.orderRows($("exact-order-list"), D.recentOrders(orders));
      DV.addressRows($("address-list"), D.addresses(addresses), D.contacts(contacts));
      $("door").hidden = false;
    }

    function hide() {
      shown = opened = null;
      $("door").hidden = true;
    }

    async function itemDetail(itemId) {
      const item = state.memory.itemsById.get(itemId);
      if (!item) return;
      const positions = await state.db.stock_positions.where("item_id").equals(itemId).toArray();
      $("item-detail-title").textContent = item.code + " · " + item.description;
      $("item-detail-text").textContent = [item.extra_description, item.unit_description || item.unit]
        .filter(Boolean).join(" · ");
      $("item-detail-stock").textContent = global.RepsViews.freeStock(item) || "Exact has no stock for this item.";
      DV.stockRows($("item-detail-warehouses"), D.warehouses(positions));
      $("item-detail").hidden = false;
      $("item-detail-close").focus();
    }

    function listen() {
      $("reorder-list").addEventListener("click", function (e) {
        const row = e.target.closest("[data-reorder]");
        const item = row && sold(row.dataset.reorder);
        if (item) app.itemAdd(item);
      });
      $("item-list").addEventListener("click", function (e) {
        const button = e.target.closest("[data-item-detail]");
        if (button) itemDetail(button.dataset.itemDetail);
      });
      $("item-detail-close").addEventListener("click", function () { $("item-detail").hidden = true; });
    }

    return { show: show, hide: hide, listen: listen };
  }

  global.RepsDoorPane = doorPane;
})(self);
