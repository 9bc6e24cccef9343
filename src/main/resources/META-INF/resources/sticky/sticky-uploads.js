/**
 * sticky-uploads: the browser side of the <sticky:upload> tag.
 *
 * Every file input that carries `data-upload-url` inside an element with `data-sticky-upload` is handled,
 * including inputs that a Faces ajax update adds later: the script listens on the document, it does not
 * bind to elements. When a file is picked it is posted at once to the upload endpoint as the multipart
 * field `upload`, with the `X-Requested-With` header that the endpoint demands; the answer's token goes
 * into the widget's hidden input, so the file sticks when the form comes back after a failed validation.
 * When the form is submitted, file inputs whose file is already uploaded are disabled for that moment, so
 * the bytes are not sent twice.
 *
 * Without JavaScript the file input is an ordinary one, and the server keeps the file it receives.
 *
 * @see io.github.stickyuploads.faces.StickyUploadComponent
 */
(() => {
  'use strict';

  if (window.StickyUploads) {
    return; // loaded twice on one page
  }

  /** The upload in flight per widget, so that picking another file aborts it. */
  const uploads = new WeakMap();

  /**
   * Replaces {0}, {1}, ... in a text of the widget.
   * @param {string} template Required; a text such as "Uploaded {0} ({1})".
   * @param {...string} values The values of the placeholders.
   * @returns {string}
   */
  function format(template, ...values) {
    return template.replace(/\{(\d+)\}/g, (match, index) => values[Number(index)] ?? match);
  }

  /**
   * A size for people, like the server writes it: "999 bytes", "1.5 KB", "47 KB", "10 MB".
   * @param {number} bytes Required.
   * @returns {string}
   */
  function humanSize(bytes) {
    const units = ['bytes', 'KB', 'MB', 'GB', 'TB'];
    let value = bytes;
    let unit = 0;
    while (value >= 1024 && unit < units.length - 1) {
      value /= 1024;
      unit++;
    }
    if (unit === 0) {
      return `${bytes} bytes`;
    }
    const shown = value >= 10 ? Math.round(value) : Math.round(value * 10) / 10;
    return `${shown} ${units[unit]}`;
  }

  /** @param {Element} widget @returns {HTMLInputElement[]} the widget's hidden token inputs */
  function tokenInputs(widget) {
    return [...widget.querySelectorAll('input[type=hidden][data-sticky-token]')];
  }

  /** @param {Element} widget @returns {boolean} whether the widget holds an uploaded file */
  function hasToken(widget) {
    return tokenInputs(widget).some(input => input.value !== '');
  }

  /**
   * Empties the widget's token(s) and the "Currently" lines they stood for; puts `required` back where
   * the server rendered the input as required.
   * @param {Element} widget Required.
   * @param {HTMLInputElement} fileInput Required.
   */
  function forgetFiles(widget, fileInput) {
    const [first, ...others] = tokenInputs(widget);
    others.forEach(input => input.remove());
    if (first) {
      first.value = '';
    }
    widget.querySelectorAll('.sticky-upload-current').forEach(line => line.remove());
    if (fileInput.dataset.required === 'true') {
      fileInput.required = true;
    }
  }

  /**
   * @param {Element} widget Required.
   * @param {string} text The status, read out politely by screen readers; empty to clear it.
   */
  function setStatus(widget, text) {
    const status = widget.querySelector('.sticky-upload-status');
    if (status) {
      status.textContent = text;
    }
  }

  /**
   * @param {Element} widget Required.
   * @param {number|null} fraction From 0 to 1, or null to hide the bar.
   */
  function setProgress(widget, fraction) {
    const bar = widget.querySelector('progress.sticky-upload-progress');
    if (!bar) {
      return;
    }
    bar.hidden = fraction === null;
    bar.value = fraction === null ? 0 : Math.round(fraction * 100);
  }

  /**
   * The message of a failed upload: the server's own when it answered the JSON of the endpoint, else the
   * widget's generic text (for a proxy's HTML page, a network failure, a timeout, an abort).
   * @param {Element} widget Required.
   * @param {XMLHttpRequest} request Required.
   * @returns {string}
   */
  function failureMessage(widget, request) {
    try {
      const answer = JSON.parse(request.responseText);
      const errors = answer && answer.errors ? Object.values(answer.errors).flat() : [];
      if (errors.length > 0) {
        return errors.join(' ');
      }
    } catch (notJson) {
      // Fall through to the generic text.
    }
    return widget.dataset.textFailed || 'The upload failed.';
  }

  /**
   * Uploads the picked file of a widget, replacing whatever it held.
   * @param {Element} widget Required; the element with `data-sticky-upload`.
   * @param {HTMLInputElement} fileInput Required; its file input.
   */
  function upload(widget, fileInput) {
    uploads.get(widget)?.abort();
    uploads.delete(widget);
    forgetFiles(widget, fileInput); // never leave the previous file's token behind
    const file = fileInput.files[0];
    if (!file) {
      setStatus(widget, '');
      setProgress(widget, null);
      return;
    }

    const request = new XMLHttpRequest();
    uploads.set(widget, request);
    request.open('POST', fileInput.dataset.uploadUrl);
    request.setRequestHeader('X-Requested-With', 'XMLHttpRequest');
    request.upload.addEventListener('progress', event => {
      if (event.lengthComputable) {
        setProgress(widget, event.loaded / event.total);
      }
    });
    request.addEventListener('loadend', () => {
      if (uploads.get(widget) !== request) {
        return; // replaced by a newer pick: that one owns the widget now
      }
      uploads.delete(widget);
      setProgress(widget, null);
      let answer = null;
      try {
        answer = request.status === 200 ? JSON.parse(request.responseText) : null;
      } catch (notJson) {
        answer = null;
      }
      if (answer && answer.is_valid === true && typeof answer.stored === 'string') {
        const [tokenInput] = tokenInputs(widget);
        tokenInput.value = answer.stored;
        fileInput.required = false;
        setStatus(widget, format(widget.dataset.textUploaded || 'Uploaded {0} ({1})', answer.filename,
            humanSize(answer.size)));
      } else {
        setStatus(widget, failureMessage(widget, request));
      }
    });

    const body = new FormData();
    body.append('upload', file);
    setProgress(widget, 0);
    setStatus(widget, format(widget.dataset.textUploading || 'Uploading {0}…', file.name));
    request.send(body);
  }

  document.addEventListener('change', event => {
    const input = event.target;
    if (input instanceof HTMLInputElement && input.type === 'file' && input.dataset.uploadUrl) {
      const widget = input.closest('[data-sticky-upload]');
      if (widget) {
        upload(widget, input);
      }
    }
  });

  /**
   * Disables, for the moment of a submit, the file inputs of a form whose file is already uploaded, so the
   * bytes are not sent a second time. Classic submits fire `submit`; Faces ajax requests read the form in
   * the button's click handler, which runs after this capturing listener.
   * @param {HTMLFormElement|null} form The form being submitted.
   */
  function holdBackUploadedFiles(form) {
    if (!form) {
      return;
    }
    const held = [...form.querySelectorAll('[data-sticky-upload]')]
      .filter(hasToken)
      .map(widget => widget.querySelector('input[type=file][data-upload-url]'))
      .filter(input => input && !input.disabled);
    held.forEach(input => { input.disabled = true; });
    setTimeout(() => held.forEach(input => { input.disabled = false; }), 0);
  }

  document.addEventListener('submit', event => holdBackUploadedFiles(event.target), true);
  document.addEventListener('click', event => {
    const button = event.target instanceof Element ? event.target.closest('button, input[type=submit], input[type=image]') : null;
    if (button && button.form) {
      holdBackUploadedFiles(button.form);
    }
  }, true);

  window.StickyUploads = Object.freeze({ humanSize, format });
})();
