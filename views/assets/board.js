// Progressive enhancement only: every page works without this file.
// Filter forms apply a change at once (checkboxes, selects, radios); text fields still submit
// with Enter or the button, so typing never reloads the page mid-word.
document.addEventListener('change', (event) => {
  const field = event.target;
  if (!(field instanceof HTMLInputElement || field instanceof HTMLSelectElement)) return;
  const form = field.form;
  if (!form?.hasAttribute('data-autosubmit')) return;
  if (field instanceof HTMLInputElement && !['checkbox', 'radio'].includes(field.type)) return;
  // A field that only qualifies another (the currency of a minimum salary) waits for it.
  const qualified = field.dataset.onlyWith && form.elements.namedItem(field.dataset.onlyWith);
  if (qualified && 'value' in qualified && qualified.value === '') return;
  form.requestSubmit();
});
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
