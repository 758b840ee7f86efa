/* Drawing the app's lists with DOM calls (no HTML strings, no inline styles: the
   Content-Security-Policy allows neither). */
(function (global) {
  "use strict";
  const A = global.RepsAmounts;
  const S = global.RepsStore;
  // Rows drawn per list: a few screens' worth, few enough to draw on every key press.
  const SHOWN = { customers: 50, items: 30 };

  function el(tag, attributes, children) {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes || {})) {
      if (value === null || value === undefined || value === false) continue;
      if (name === "text") node.textContent = value;
      else node.setAttribute(name, value === true ? "" : value);
    }
    for (const child of children || []) if (child) node.append(child);
    return node;
  }

  function when(iso) {
    return new Date(iso).toLocaleString(undefined, {
      day: "numeric", month: "short", hour: "2-digit", minute: "2-digit",
    });
  }

  function customerRows(list, customers, picked) {
    list.replaceChildren(...customers.slice(0, SHOWN.customers).map(function (c) {
      const where = [c.address.city, c.code].filter(Boolean).join(" · ");
      const editable = c.pending && c.pending.state !== "sent";
      return el("li", { class: editable ? "item-row" : null }, [
        el("button", { type: "button", class: "row", "data-customer": c.id,
                       "aria-pressed": picked && picked.id === c.id ? "true" : "false" }, [
          el("span", { class: "row-title", text: c.name }),
          el("span", { class: "row-sub", text: where }),
          c.blocked ? el("span", { class: "tag warn", text: "Blocked" }) : null,
          c.pending ? newCustomerTag(c.pending) : null,
        ]),
        editable ? el("button", { type: "button", class: "detail", "data-edit-customer": c.pending.key,
                                  "aria-label": "Edit new customer " + c.name, text: "Edit" }) : null,
      ]);
    }));
    more(list, customers.length, SHOWN.customers);
  }

  // Where a customer made on the device is: on the device, at the server, in Exact.
  function newCustomerTag(row) {
    if (row.state === "refused") return el("span", { class: "tag bad new-customer-state", text: "Refused: " + row.problem });
    if (row.state === "waiting") {
      return el("span", { class: "tag warn new-customer-state",
                          text: navigator.onLine ? "New: sending…" : "New: waits for a connection" });
    }
    if (row.exact_state === "failed") {
      return el("span", { class: "tag bad new-customer-state", text: "Exact refused it: " + row.exact_message });
    }
    return el("span", { class: "tag calm new-customer-state",
                        text: row.exact_id ? "New: in Exact as " + row.code : "New: waits for Exact" });
  }

  function more(list, found, shown) {
    if (found > shown) list.append(el("li", { class: "more", text: (found - shown).toLocaleString() + " more: type to narrow" }));
  }

  function itemRows(list, items, priceOf) {
    list.replaceChildren(...items.slice(0, SHOWN.items).map(function (item) {
      const quote = priceOf(item, "1");
      const stock = freeStock(item);
      return el("li", { class: "item-row" }, [
        el("button", { type: "button", class: "row item", "data-item": item.id,
                       "aria-label": "Add " + item.code + " " + item.description }, [
          item.picture_url
            // `loading` before `src`: an image starts loading as soon as it has a source.
            ? el("img", { loading: "lazy", decoding: "async", alt: "", class: "thumb", src: S.pictureUrl(item.id) })
            : el("span", { class: "thumb none" }),
          el("span", { class: "row-title", text: item.code + " · " + item.description }),
          el("span", { class: "row-sub", text: quote ? A.money(quote.unit_price) + " · " + quote.description : "No price" }),
          stock ? el("span", { class: "row-sub stock", text: stock }) : null,
        ]),
        el("button", { type: "button", class: "detail", "data-item-detail": item.id,
                       "aria-label": "Stock of " + item.code, text: "Stock" }),
      ]);
    }));
    more(list, items.length, SHOWN.items);
  }

  function freeStock(item) {
    return item.free_stock === null || item.free_stock === undefined ? "" : "Free stock " + A.plain(item.free_stock);
  }

  function lineRows(list, lines) {
    list.replaceChildren(...lines.map(function (line, index) {
      const id = "qty-" + index;
      const price = line.quote ? A.money(line.quote.unit_price) + " each · " + line.quote.description : "";
      return el("li", { class: "line" }, [
        el("span", { class: "row-title", text: line.item.code + " · " + line.item.description }),
        el("label", { for: id, text: "Quantity" }),
        el("input", { id: id, type: "text", inputmode: "decimal", value: line.quantity,
                      "data-line": index, class: "qty", autocomplete: "off" }),
        price ? el("span", { class: "row-sub", text: price }) : null,
        el("button", { type: "button", class: "remove", "data-remove": index,
                       "aria-label": "Remove " + line.item.code, text: "Remove" }),
      ]);
    }));
  }

  const STATES = {
    waiting: function () { return navigator.onLine ? "Sending…" : "Waiting for a connection"; },
    refused: function (o) { return "Refused: " + o.problem; },
  };
  const STATUSES = {
    draft: "Received", queued: "Queued for Exact", sending: "Sending to Exact",
    submitted: "In Exact", failed: "Exact refused it", manual: "Entered in Exact by hand",
  };

  // `unsent`: the keys of the device's new customers the server has not taken yet.
  function orderRows(list, orders, unsent) {
    list.replaceChildren(...orders.map(function (o) {
      const forNew = o.state === "waiting" && o.customer.new_key && unsent.has(o.customer.new_key);
      const state = forNew ? "Waits for the new customer to be sent"
        : STATES[o.state] ? STATES[o.state](o) : STATUSES[o.status] || o.status;
      const quotation = (o.sent_header || o.header || {}).kind === "quotation";
      return el("li", { class: "order " + o.state, "data-order": o.key }, [
        el("span", { class: "row-title", text: (o.number || "Not sent yet") + " · " + o.customer.name }),
        quotation ? el("span", { class: "tag calm", text: "Quotation" }) : null,
        el("span", { class: "row-sub", text: when(o.created_at) + " · " + o.lines.length + " lines" }),
        headerText(o) ? el("span", { class: "row-sub order-header", text: headerText(o) }) : null,
        el("span", { class: "order-state", text: state }),
        exactNumber(o, quotation),
        o.status === "failed" && o.exact_message ? el("span", { class: "row-sub", text: o.exact_message }) : null,
      ]);
    }));
  }

  // The order's header in words: as the server took it once sent, else as chosen here.
  function headerText(o) {
    const sent = o.sent_header;
    const labels = sent ? [
      sent.delivery_address && "Deliver to " + sent.delivery_address, sent.contact && "Contact " + sent.contact,
      sent.shipping_method, sent.payment_condition && "Payment " + sent.payment_condition,
    ].filter(Boolean) : global.RepsHeader.headerLabels(o.header);
    if (o.your_ref) labels.push("Your ref. " + o.your_ref);
    if (o.delivery_date) labels.push("Deliver on " + o.delivery_date);
    return labels.join(" · ");
  }

  function exactNumber(o, quotation) {
    if (quotation && o.exact_quotation_number) {
      return el("span", { class: "exact-number", text: "Exact quotation " + o.exact_quotation_number });
    }
    if (o.exact_order_number) return el("span", { class: "exact-number", text: "Exact order " + o.exact_order_number });
    return null;
  }

  global.RepsViews = {
    el: el, when: when, customerRows: customerRows, itemRows: itemRows,
    lineRows: lineRows, orderRows: orderRows, freeStock: freeStock,
  };
})(self);
