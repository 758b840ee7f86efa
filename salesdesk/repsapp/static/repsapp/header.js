/* The order header on the device: order type, delivery address (one of the customer's, or
   a new one typed in), contact person, shipping method and payment condition, with the
   web form's defaults (salesdesk/orders/header_choices.py): the main delivery address, the
   main contact, the customer's payment condition. The lists come from the device's copy:
   addresses and contacts from the feed, the order terms from GET /api/v1/order-terms.
   A header is kept with the order as {kind, delivery, contact, shipping_method,
   payment_condition}, each choice with its label, so the order list can show it. */
(function (global) {
  "use strict";
  const S = global.RepsStore, V = global.RepsViews, D = global.RepsDoor;
  const NEW = "new";
  const COUNTRY = /^[A-Z]{2}$/;
  const NEW_FIELDS = ["new-line1", "new-postcode", "new-city", "new-country"];
  const SELECTS = ["order-kind", "delivery-address", "contact-person", "shipping-method", "payment-condition"];

  function addressText(a) {
    const place = [a.postcode, a.city].filter(Boolean).join(" ");
    return [a.line1, a.line2, place, a.country].filter(Boolean).join(", ");
  }

  // What POST /api/v1/orders takes; null is "none" (the server's word for each).
  function headerPayload(h) {
    return {
      kind: h.kind,
      delivery_address: h.delivery ? h.delivery.id || h.delivery.new : null,
      contact_id: h.contact ? h.contact.id : null,
      shipping_method_id: h.shipping_method ? h.shipping_method.id : null,
      payment_condition: h.payment_condition ? h.payment_condition.code : null,
    };
  }

  // What the server would refuse of a typed address, said before the rep taps Send.
  function headerProblems(h) {
    const typed = h && h.delivery && h.delivery.new;
    if (!typed) return [];
    const problems = [];
    if (!typed.line1) problems.push("The new delivery address needs a street and number.");
    if (!typed.city) problems.push("The new delivery address needs a city.");
    if (!COUNTRY.test(typed.country)) problems.push("The new delivery address needs a country of two letters, such as NL.");
    return problems;
  }

  // The header's choices in words: for the order list.
  function headerLabels(h) {
    if (!h) return [];
    return [
      h.delivery && "Deliver to " + h.delivery.text,
      h.contact && "Contact " + h.contact.name,
      h.shipping_method && h.shipping_method.label,
      h.payment_condition && "Payment " + h.payment_condition.label,
    ].filter(Boolean);
  }

  function options(select, rows, picked) {
    select.replaceChildren(...rows.map(function (r) {
      return V.el("option", { value: r.value, text: r.text, selected: r.value === picked });
    }));
    select.value = picked;
  }

  // `app`: {state, $, changed()} (changed: the header changed, the draft is kept again).
  function headerPane(app) {
    const state = app.state, $ = app.$;
    let lists = { addresses: [], contacts: [], shipping: [], payment: [] };

    async function fill(customer, kept) {
      const [addresses, contacts, terms] = await Promise.all([
        state.db.addresses.where("customer_id").equals(customer.id).toArray(),
        state.db.contacts.where("customer_id").equals(customer.id).toArray(),
        S.metaGet(state.db, "order_terms"),
      ]);
      lists = {
        addresses: D.addresses(addresses).filter(function (a) { return a.type === "delivery"; }),
        contacts: D.contacts(contacts),
        shipping: (terms && terms.shipping_methods) || [],
        payment: (terms && terms.payment_conditions) || [],
      };
      const main = lists.addresses.find(function (a) { return a.main; });
      const contact = lists.contacts.find(function (c) { return c.is_main; });
      const condition = lists.payment.find(function (p) { return p.code === customer.payment_condition; });
      const method = lists.shipping.find(function (m) { return m.id === customer.shipping_method_id; });
      const pick = kept ? pickedOf(kept) : {
        kind: "order", delivery: main ? main.id : "", contact: contact ? contact.id : "",
        shipping: method ? method.id : "", payment: condition ? condition.code : "",
      };
      $("order-kind").value = pick.kind;
      options($("delivery-address"), [{ value: "", text: "—" }].concat(lists.addresses.map(function (a) {
        return { value: a.id, text: addressText(a) + (a.main ? " (main)" : "") };
      }), [{ value: NEW, text: "New address…" }]), pick.delivery);
      options($("contact-person"), [{ value: "", text: "—" }].concat(lists.contacts.map(function (c) {
        return { value: c.id, text: c.full_name + (c.is_main ? " (main)" : "") };
      })), pick.contact);
      options($("shipping-method"), [{ value: "", text: "—" }].concat(lists.shipping.map(function (m) {
        return { value: m.id, text: m.description || m.code };
      })), pick.shipping);
      options($("payment-condition"), [{ value: "", text: "—" }].concat(lists.payment.map(function (p) {
        return { value: p.code, text: p.description || p.code };
      })), pick.payment);
      const typed = (kept && kept.delivery && kept.delivery.new) || {};
      $("new-line1").value = typed.line1 || "";
      $("new-postcode").value = typed.postcode || "";
      $("new-city").value = typed.city || "";
      $("new-country").value = typed.country || customer.address.country || "";
      $("new-address").hidden = $("delivery-address").value !== NEW;
    }

    // A kept header's choices as the lists' values (a choice no longer listed falls away).
    function pickedOf(h) {
      const listed = function (rows, key, value) {
        return value && rows.some(function (r) { return r[key] === value; }) ? value : "";
      };
      return {
        kind: h.kind || "order",
        delivery: h.delivery && h.delivery.new ? NEW : listed(lists.addresses, "id", h.delivery && h.delivery.id),
        contact: listed(lists.contacts, "id", h.contact && h.contact.id),
        shipping: listed(lists.shipping, "id", h.shipping_method && h.shipping_method.id),
        payment: listed(lists.payment, "code", h.payment_condition && h.payment_condition.code),
      };
    }

    function chosenText(id) {
      const select = $(id);
      return select.selectedIndex >= 0 ? select.options[select.selectedIndex].text.replace(/ \(main\)$/, "") : "";
    }

    function read() {
      const address = $("delivery-address").value, contact = $("contact-person").value;
      const shipping = $("shipping-method").value, payment = $("payment-condition").value;
      let delivery = null;
      if (address === NEW) {
        const typed = {
          line1: $("new-line1").value.trim(), line2: "", postcode: $("new-postcode").value.trim(),
          city: $("new-city").value.trim(), country: $("new-country").value.trim().toUpperCase(),
        };
        delivery = { new: typed, text: addressText(typed) };
      } else if (address) {
        delivery = { id: address, text: chosenText("delivery-address") };
      }
      return {
        kind: $("order-kind").value, delivery: delivery,
        contact: contact ? { id: contact, name: chosenText("contact-person") } : null,
        shipping_method: shipping ? { id: shipping, label: chosenText("shipping-method") } : null,
        payment_condition: payment ? { code: payment, label: chosenText("payment-condition") } : null,
      };
    }

    function listen() {
      for (const id of SELECTS) $(id).addEventListener("change", changed);
      for (const id of NEW_FIELDS) $(id).addEventListener("input", changed);
    }

    function changed() {
      $("new-address").hidden = $("delivery-address").value !== NEW;
      app.changed();
    }

    return { fill: fill, read: read, listen: listen };
  }

  global.RepsHeader = {
    headerPane: headerPane, headerPayload: headerPayload, headerProblems: headerProblems,
    headerLabels: headerLabels,
  };
})(self);
