// Rendering with every value escaped unless it is markup this app built itself.
const escapes = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
class Markup {
  constructor(text) { this.text = text; }
  toString() { return this.text; }
}
const text = value => value instanceof Markup ? value.text
  : Array.isArray(value) ? value.map(text).join('')
  : value == null || value === false ? '' : String(value).replace(/[&<>"']/g, c => escapes[c]);

export const html = (strings, ...values) => new Markup(strings.reduce((out, s, i) => out + s + (i < values.length ? text(values[i]) : ''), ''));

export function show(target, markup) {
  target.innerHTML = text(markup);
}
