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
      return el("li", {}, [
        el("button", { type: "button", class: "row", "data-customer": c.id,
                       "aria-pressed": picked && picked.id === c.id ? "true" : "false" }, [
          el("span", { class: "row-title", text: c.name }),
          el("span", { class: "row-sub", text: where }),
          c.blocked ? el("span", { class: "tag warn", text: "Blocked" }) : null,
        ]),
      ]);
    }));
    more(list, customers.length, SHOWN.customers);
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

  function orderRows(list, orders) {
    list.replaceChildren(...orders.map(function (o) {
      const state = STATES[o.state] ? STATES[o.state](o) : STATUSES[o.status] || o.status;
      return el("li", { class: "order " + o.state, "data-order": o.key }, [
        el("span", { class: "row-title", text: (o.number || "Not sent yet") + " · " + o.customer.name }),
        el("span", { class: "row-sub", text: when(o.created_at) + " · " + o.lines.length + " lines" }),
        el("span", { class: "order-state", text: state }),
        o.exact_order_number ? el("span", { class: "exact-number", text: "Exact order " + o.exact_order_number }) : null,
        o.status === "failed" && o.exact_message ? el("span", { class: "row-sub", text: o.exact_message }) : null,
      ]);
    }));
  }

  global.RepsViews = {
    el: el, when: when, customerRows: customerRows, itemRows: itemRows,
    lineRows: lineRows, orderRows: orderRows, freeStock: freeStock,
  };
})(self);
