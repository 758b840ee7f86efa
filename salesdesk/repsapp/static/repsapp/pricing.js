/* The customer's price for a quantity, and the rule that gives it: the same rules as
   the server's salesdesk/catalog/pricing.py, on the records of the delta feed.
   1. the customer's own item price, 2. the customer's price list (new price, or a
   discount off the line's base price, else the general price, else the standard price),
   3. the general item price, 4. the item's standard price. Inactive records never count;
   validity dates are inclusive; the highest quantity threshold not above the quantity
   wins. The server prices the order again when it arrives: this is what the rep sees. */
(function (global) {
  "use strict";
  const A = global.RepsAmounts;

  function validOn(start, end, today) {
    return (!start || start <= today) && (!end || end >= today);
  }

  function reached(threshold, quantity) {
    return A.compare(A.parse(threshold), quantity) <= 0;
  }

  // Highest threshold, then the later start date (a price rise replaces the old price).
  function highest(rows) {
    let best = null;
    for (const row of rows) {
      if (!best) { best = row; continue; }
      const byQuantity = A.compare(A.parse(row.quantity), A.parse(best.quantity));
      const later = (row.start_date || "") > (best.start_date || "");
      const tie = byQuantity === 0 && (row.start_date || "") === (best.start_date || "");
      if (byQuantity > 0 || (byQuantity === 0 && later) || (tie && row.id > best.id)) best = row;
    }
    return best;
  }

  function itemPrices(prices, customer, quantity, today) {
    const usable = prices.filter(function (p) {
      return p.active && validOn(p.start_date, p.end_date, today) && reached(p.quantity, quantity);
    });
    const own = customer ? usable.filter(function (p) { return p.customer_id === customer.id; }) : [];
    const general = usable.filter(function (p) { return p.customer_id === null; });
    return [highest(own), highest(general)];
  }

  // The price list's period valid today with the latest start (no start counts as earliest).
  function currentPeriod(periods, today) {
    let best = null;
    for (const period of periods) {
      if (!validOn(period.start, period.end, today)) continue;
      const start = period.start || "", bestStart = best ? best.start || "" : "";
      if (!best || start > bestStart || (start === bestStart && period.id > best.id)) best = period;
    }
    return best ? best.id : null;
  }

  function bestLine(lines, periods, item, quantity, today) {
    const period = currentPeriod(periods, today);
    const inPeriod = lines.filter(function (l) {
      return l.active && l.period_id === period && reached(l.quantity, quantity);
    });
    let own = inPeriod.filter(function (l) { return l.item_id === item.id; });
    if (!own.length && item.group_code) {
      own = inPeriod.filter(function (l) {
        return l.item_id === null && l.item_group_code === item.group_code;
      });
    }
    let best = null;
    for (const line of own) {
      const order = best ? A.compare(A.parse(line.quantity), A.parse(best.quantity)) : 1;
      if (order > 0 || (order === 0 && line.id > best.id)) best = line;
    }
    return best;
  }

  function lineUnitPrice(line, general, item) {
    if (line.method === "new_price") return line.new_price;
    const base = line.base_price || (general ? general.price : null) || item.standard_price;
    if (base === null || base === undefined || line.discount === null) return null;
    const factor = A.subtract(A.parse("1"), A.parse(line.discount));
    return A.format(A.quantize(A.multiply(factor, A.parse(base)), 4));
  }

  function fromQuantity(threshold, item) {
    if (A.compare(A.parse(threshold), A.parse("0")) === 0) return "";
    const unit = (item.unit_description || item.unit || "pieces").trim().toLowerCase();
    return ", from " + A.plain(threshold) + " " + unit;
  }

  function lineWords(line, customer, item) {
    const list = customer.price_list;
    let words = "Price list " + (list.description || list.code);
    if (line.item_id === null) words += " (item group " + line.item_group_code + ")";
    if (line.method === "discount") {
      words += ", " + A.plain(A.format(A.multiply(A.parse(line.discount), A.parse("100")))) + "% discount";
    }
    return words + fromQuantity(line.quantity, item);
  }

  /* {unit_price, rule, description} for `quantity` (a decimal string) of `item` sold to
     `customer` (null: no customer) on `today` ("YYYY-MM-DD"); null when nothing prices it.
     `prices`: the item's item prices; `lines`: the lines of the customer's price list for
     the item and for its item group; `periods`: that list's periods ({id, start, end}). */
  function quote(args) {
    const item = args.item, customer = args.customer, quantity = A.parse(args.quantity);
    const pair = itemPrices(args.prices || [], customer, quantity, args.today);
    const own = pair[0], general = pair[1];
    if (own) {
      return { unit_price: own.price, rule: "customer_price",
               description: "Customer price for " + customer.name + fromQuantity(own.quantity, item) };
    }
    if (customer && customer.price_list) {
      const line = bestLine(args.lines || [], args.periods || [], item, quantity, args.today);
      const price = line ? lineUnitPrice(line, general, item) : null;
      if (price !== null && price !== undefined) {
        return { unit_price: price, rule: "price_list", description: lineWords(line, customer, item) };
      }
    }
    if (general) {
      return { unit_price: general.price, rule: "standard_price",
               description: "Sales price" + fromQuantity(general.quantity, item) };
    }
    if (item.standard_price !== null && item.standard_price !== undefined) {
      return { unit_price: item.standard_price, rule: "standard_price", description: "Standard sales price" };
    }
    return null;
  }

  global.RepsPricing = { quote: quote };
})(self);
