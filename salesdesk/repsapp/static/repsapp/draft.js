/* The order being taken: its lines, its total, and what the server would refuse
   (salesdesk/orders/services.py order_refusals), said before the rep taps Send. */
(function (global) {
  "use strict";
  const A = global.RepsAmounts;
  const QUANTITY = /^\d{1,6}(\.\d{1,4})?$/; // what the API takes: below a million, 4 decimals

  function quantityValid(text) {
    return QUANTITY.test(text) && A.compare(A.parse(text), A.parse("0")) > 0;
  }

  // The item's line with one more, or a new line of one.
  function lineAdd(lines, item) {
    let line = lines.find(function (l) { return l.item.id === item.id; });
    if (!line) lines.push(line = { item: item, quantity: "1", quote: null });
    else if (quantityValid(line.quantity)) line.quantity = A.plain(A.format(A.add(A.parse(line.quantity), A.parse("1"))));
    else line.quantity = "1";
    return line;
  }

  // Excluding VAT, over the priced lines; `priced` is false when a line has no price.
  function draftTotal(lines) {
    let total = A.parse("0"), priced = true;
    for (const line of lines) {
      if (!line.quote) { priced = false; continue; }
      total = A.add(total, A.multiply(A.parse(line.quote.unit_price), A.parse(line.quantity)));
    }
    return { total: A.format(A.quantize(total, 2)), priced: priced };
  }

  function draftProblems(customer, lines) {
    const problems = [];
    if (customer && customer.blocked) {
      problems.push(customer.name + " is blocked in Exact Online: no orders can be taken.");
    }
    for (const line of lines) {
      if (!quantityValid(line.quantity)) {
        problems.push("The quantity of " + line.item.code + " must be a number above zero.");
      } else if (!line.quote) {
        problems.push(line.item.code + " has no price in Exact Online: remove it.");
      }
    }
    return problems;
  }

  global.RepsDraft = {
    quantityValid: quantityValid, lineAdd: lineAdd, draftTotal: draftTotal, draftProblems: draftProblems,
  };
})(self);
