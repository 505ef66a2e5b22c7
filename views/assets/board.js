// Progressive enhancement only: every page works without this file.
// Filter forms apply a change at once when it is made with a pointer (a click on a checkbox, a
// radio or an option). From the keyboard, arrow keys walk a select's options and a radio group
// (each step fires "change"), so those wait for Enter or the form's button; Space on a checkbox
// is one deliberate toggle and applies at once. Text fields submit with Enter or the button,
// so typing never reloads the page mid-word. After the reload, focus returns to the field.
const FOCUS_KEY = 'board:refocus';
let keyed = null;

document.addEventListener('keydown', (event) => {
  const field = event.target;
  if (!(field instanceof HTMLInputElement || field instanceof HTMLSelectElement)) return;
  if (!field.form?.hasAttribute('data-autosubmit')) return;
  if (event.key === 'Enter' && (field instanceof HTMLSelectElement || isChoice(field))) {
    event.preventDefault();
    apply(field);
    return;
  }
  keyed = field;
});
document.addEventListener('pointerdown', () => {
  keyed = null;
});

document.addEventListener('change', (event) => {
  const field = event.target;
  if (!(field instanceof HTMLInputElement || field instanceof HTMLSelectElement)) return;
  const form = field.form;
  if (!form?.hasAttribute('data-autosubmit')) return;
  if (field instanceof HTMLInputElement && !isChoice(field)) return;
  const fromKeys = keyed === field || (field.type === 'radio' && keyed?.name === field.name);
  if (fromKeys && !(field instanceof HTMLInputElement && field.type === 'checkbox')) return;
  // A field that only qualifies another (the currency of a minimum salary) waits for it.
  const qualified = field.dataset.onlyWith && form.elements.namedItem(field.dataset.onlyWith);
  if (qualified && 'value' in qualified && qualified.value === '') return;
  apply(field);
});

function isChoice(field) {
  return field instanceof HTMLInputElement && ['checkbox', 'radio'].includes(field.type);
}

function apply(field) {
  try {
    const value = field instanceof HTMLInputElement && isChoice(field) ? field.value : '';
    sessionStorage.setItem(FOCUS_KEY, JSON.stringify({ name: field.name, value }));
  } catch {
    // Storage may be off (private modes): focus then starts at the top, as without this file.
  }
  field.form.requestSubmit();
}

// The field a filter was applied from gets focus back on the new page: a keyboard user
// carries on where they were instead of from the top.
function refocus() {
  let wanted = null;
  try {
    wanted = JSON.parse(sessionStorage.getItem(FOCUS_KEY) ?? 'null');
    sessionStorage.removeItem(FOCUS_KEY);
  } catch {
    return;
  }
  if (!wanted?.name) return;
  const form = document.querySelector('form[data-autosubmit]');
  const match = [...(form?.elements ?? [])].find(
    (el) => el.name === wanted.name && (!wanted.value || el.value === wanted.value),
  );
  match?.focus();
}
if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', refocus);
else refocus();

// Empty fields are left out of the URL so shared searches stay short and readable, and so is a
// field that only qualifies another (data-only-with: the currency of an empty minimum salary).
document.addEventListener('submit', (event) => {
  const form = event.target;
  if (!(form instanceof HTMLFormElement) || form.method !== 'get') return;
  const empty = (field) => {
    const qualified = field.dataset.onlyWith && form.elements.namedItem(field.dataset.onlyWith);
    return field.value === '' || (qualified && 'value' in qualified && qualified.value === '');
  };
  for (const field of form.elements) {
    if (
      (field instanceof HTMLInputElement || field instanceof HTMLSelectElement) &&
      field.name &&
      empty(field) &&
      !field.disabled
    ) {
      field.disabled = true;
      setTimeout(() => {
        field.disabled = false;
      }, 0);
    }
  }
});

// "Hide all jobs from …" on a job's page returns to the list the visitor came from, with its
// search, rather than to plain /jobs (the page itself is cached for everyone, so the server
// cannot put the visitor's own list in the form).
function returnToList() {
  const back = document.querySelector('form.hide-company input[name="back"]');
  if (!back || !document.referrer) return;
  const from = new URL(document.referrer);
  if (from.origin === location.origin && from.pathname === '/jobs')
    back.value = from.pathname + from.search;
}
if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', returnToList);
else returnToList();
