/* Drawing what the rep needs at the customer's door, and an item's stock (DOM calls only:
   the Content-Security-Policy allows no HTML strings or inline styles). */
(function (global) {
  "use strict";
  const A = global.RepsAmounts, V = global.RepsViews;
  const el = V.el;
  const ADDRESS_TYPES = { visit: "Visit", postal: "Postal", invoice: "Invoice", delivery: "Delivery" };

  function day(date) {
    return date ? new Date(date + "T12:00:00").toLocaleDateString(undefined, {
      day: "numeric", month: "short", year: "numeric",
    }) : "";
  }

  function creditText(open) {
    if (open.credit_limit === null) return "No credit limit in Exact";
    if (open.over_limit) {
      return "Credit limit " + open.credit_limit + ": over the limit by " + open.over_by;
    }
    return "Credit limit " + open.credit_limit + ": " + open.credit_left + " left";
  }

  function openSummary(open) {
    if (!open.count) return "Open invoices: none";
    const parts = ["Open invoices: " + open.total + " (" + open.count + ")"];
    if (open.overdue_count) parts.push(open.overdue + " overdue (" + open.overdue_count + ")");
    return parts.join(" · ");
  }

  function openRows(list, open) {
    list.replaceChildren(el("li", { class: open.over_limit ? "credit problem" : "credit", text: creditText(open) }),
      ...open.items.map(function (o) {
        const late = o.days_overdue > 0;
        return el("li", { class: "open-item" + (late ? " overdue" : ""), "data-open-item": o.invoice_number }, [
          el("span", { class: "row-title", text: "Invoice " + (o.invoice_number || "–") + " · " + o.amount + " " + o.currency }),
          el("span", { class: "row-sub", text: "Invoiced " + day(o.invoice_date) + " · due " + day(o.due_date) }),
          late
            ? el("span", { class: "tag bad", text: o.days_overdue + (o.days_overdue === 1 ? " day" : " days") + " overdue" })
            : el("span", { class: "tag calm", text: "Not due yet" }),
        ]);
      }));
  }

  // `sold(item_id)`: the item the app can put on an order, or null when it is no longer sold.
  function reorderRows(list, rows, sold) {
    if (!rows.length) {
      list.replaceChildren(el("li", { class: "more", text: "Nothing invoiced in the last 12 months." }));
      return;
    }
    list.replaceChildren(...rows.map(function (r) {
      const item = sold(r.item_id);
      const last = "last " + day(r.last_date) + (r.last_price === null ? "" : " at " + A.money(r.last_price));
      return el("li", {}, [
        el("button", { type: "button", class: "row", "data-reorder": r.item_id, disabled: !item,
                       "aria-label": "Add " + r.item_code + " " + r.item_description + " again" }, [
          el("span", { class: "row-title", text: r.item_code + " · " + r.item_description }),
          el("span", { class: "row-sub", text: r.times + "× in 12 months (" + r.quantity + ") · " + last }),
          item ? null : el("span", { class: "tag warn", text: "No longer sold" }),
        ]),
      ]);
    }));
  }

  function orderRows(list, orders) {
    if (!orders.length) {
      list.replaceChildren(el("li", { class: "more", text: "No orders in Exact yet." }));
      return;
    }
    list.replaceChildren(...orders.map(function (o) {
      return el("li", { class: "exact-order" }, [
        el("span", { class: "row-title", text: "Order " + (o.number || "–") + " · " + day(o.order_date) }),
        el("span", { class: "order-state", text: o.state }),
        el("span", { class: "row-sub", text: [A.money(o.amount_excl_vat) + " excl. VAT", o.your_ref, o.description]
          .filter(Boolean).join(" · ") }),
      ]);
    }));
  }

  function addressRows(list, addresses, contacts) {
    const rows = addresses.map(function (a) {
      const where = [a.line1, a.line2, a.line3, [a.postcode, a.city].filter(Boolean).join(" "), a.country_name]
        .filter(Boolean).join(", ");
      return el("li", { class: "address" + (a.type === "delivery" ? " delivery" : "") }, [
        el("span", { class: "row-title", text: ADDRESS_TYPES[a.type] + " address" + (a.main ? " (main)" : "") }),
        el("span", { text: where }),
        a.contact_name || a.phone ? el("span", { class: "row-sub", text: [a.contact_name, a.phone].filter(Boolean).join(" · ") }) : null,
      ]);
    });
    for (const c of contacts) {
      rows.push(el("li", { class: "contact" }, [
        el("span", { class: "row-title", text: c.full_name + (c.is_main ? " (main contact)" : "") }),
        c.job_title ? el("span", { class: "row-sub", text: c.job_title }) : null,
        c.phone ? el("a", { href: "tel:" + c.phone, text: c.phone }) : null,
        c.mobile ? el("a", { href: "tel:" + c.mobile, text: c.mobile }) : null,
        c.email ? el("a", { href: "mailto:" + c.email, text: c.email }) : null,
      ]));
    }
    list.replaceChildren(...(rows.length ? rows : [el("li", { class: "more", text: "No addresses or contacts in Exact." })]));
  }

  function stockRows(list, positions) {
    if (!positions.length) {
      list.replaceChildren(el("li", { class: "more", text: "Exact has no stock for this item." }));
      return;
    }
    list.replaceChildren(...positions.map(function (p) {
      return el("li", { class: "warehouse" }, [
        el("span", { class: "row-title", text: p.warehouse_code + " · " + p.warehouse_description }),
        el("span", { class: "stock-free", text: A.plain(p.free) + " free" }),
        el("span", { class: "row-sub", text: A.plain(p.current) + " in stock · " + A.plain(p.reserved) +
          " reserved · " + A.plain(p.planned_in) + " coming in" }),
      ]);
    }));
  }

  global.RepsDoorViews = {
    openSummary: openSummary, openRows: openRows, reorderRows: reorderRows, orderRows: orderRows,
    addressRows: addressRows, stockRows: stockRows,
  };
})(self);
