/* Exact decimal arithmetic for prices, on BigInt: the API sends amounts as decimal
   strings ("12.5000"), and the device must round the way the server does (Python's
   Decimal.quantize, half to even), which floating point cannot promise. */
(function (global) {
  "use strict";

  // A decimal is [digits as BigInt, scale]: "12.50" -> [1250n, 2].
  function parse(text) {
    const match = /^(-?)(\d*)(?:\.(\d*))?$/.exec(String(text).trim());
    if (!match || (match[2] === "" && !match[3])) throw new Error("Not a number: " + text);
    const fraction = match[3] || "";
    const digits = BigInt((match[2] || "0") + fraction);
    return [match[1] ? -digits : digits, fraction.length];
  }

  function rescale(value, scale) {
    return value[0] * 10n ** BigInt(scale - value[1]);
  }

  function compare(a, b) {
    const scale = Math.max(a[1], b[1]);
    const x = rescale(a, scale), y = rescale(b, scale);
    return x < y ? -1 : x > y ? 1 : 0;
  }

  function subtract(a, b) {
    const scale = Math.max(a[1], b[1]);
    return [rescale(a, scale) - rescale(b, scale), scale];
  }

  function add(a, b) {
    const scale = Math.max(a[1], b[1]);
    return [rescale(a, scale) + rescale(b, scale), scale];
  }

  function multiply(a, b) {
    return [a[0] * b[0], a[1] + b[1]];
  }

  // Round to `places` decimals, half to even (Decimal.quantize's default).
  function quantize(value, places) {
    if (value[1] <= places) return [rescale(value, places), places];
    const divisor = 10n ** BigInt(value[1] - places);
    const sign = value[0] < 0n ? -1n : 1n;
    const magnitude = value[0] * sign;
    let quotient = magnitude / divisor;
    const twice = (magnitude % divisor) * 2n;
    if (twice > divisor || (twice === divisor && quotient % 2n === 1n)) quotient += 1n;
    return [quotient * sign, places];
  }

  function format(value) {
    const negative = value[0] < 0n;
    let digits = (negative ? -value[0] : value[0]).toString().padStart(value[1] + 1, "0");
    if (value[1] > 0) digits = digits.slice(0, -value[1]) + "." + digits.slice(-value[1]);
    return (negative ? "-" : "") + digits;
  }

  // As the back office shows prices: two to four decimals (153.54, 0.1234).
  function money(text) {
    const value = quantize(parse(text), 4);
    let shown = format(value);
    while (/\.\d{2,}0$/.test(shown)) shown = shown.slice(0, -1);
    return shown;
  }

  // Quantities without trailing zeros: "10.0000" -> "10".
  function plain(text) {
    const shown = format(parse(text));
    return shown.includes(".") ? shown.replace(/\.?0+$/, "") : shown;
  }

  global.RepsAmounts = {
    parse: parse, compare: compare, add: add, subtract: subtract, multiply: multiply,
    quantize: quantize, format: format, money: money, plain: plain,
  };
})(self);
