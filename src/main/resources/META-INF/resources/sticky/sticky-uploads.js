/**
 * sticky-uploads: the browser side of a sticky file input, for the <sticky:upload> Faces tag and for any
 * server-rendered page that follows the DOM contract below. Plain JavaScript, no framework.
 *
 * Every file input that carries `data-upload-url` inside an element with `data-sticky-upload` (a "widget")
 * is handled, including widgets that a Faces ajax update adds later: the script listens on the document and
 * binds to no element. Each picked or dropped file becomes an entry of the widget's list, with its own
 * progress, message, Remove button and hidden token input. Files are posted at once to the upload endpoint
 * as the multipart field `upload`, with the `X-Requested-With` header that the endpoint demands, at most
 * two at a time per widget. The answer's token goes into the entry's hidden input, so the file sticks when
 * the form comes back after a failed validation.
 *
 * - Picking another file (without `multiple`) aborts the upload in flight, empties the old token at once and
 *   releases the old upload on the server; Remove does the same for a finished one.
 * - A submit while uploads run waits ("Waiting for the upload to finish…") and then goes on by itself; if an
 *   upload fails, the submit is cancelled and the error shown. No path submits a stale or half token.
 * - Files over the server's size limit, or outside the input's `accept`, are refused before sending, with
 *   the server's own messages.
 * - Without JavaScript the file input is an ordinary one, and the server keeps the file it receives.
 *
 * THE DOM CONTRACT (what the Faces tag renders, and what any template renders to get the same widget; on the
 * server, `StickyFiles.read(request, name, url)` reads what the form sent). `NAME` is the input's name; the
 * separator before `file`, `token` and `remove` is `:` (a Faces tag uses its naming container's).
 *
 *   <div data-sticky-upload class="sticky-upload"                 the widget; optional attributes:
 *        data-max-size="5242880"                                   the endpoint's limit in bytes, checked before sending
 *        data-text-uploading="Uploading {0}… {1}% ({2} of {3})"   and the other data-text-* below, in the
 *        ...>                                                      page's language; each falls back to English
 *     <ul class="sticky-upload-files">                             optional; one <li> per file the form holds:
 *       <li class="sticky-upload-current" data-state="done" data-filename="cv.pdf">
 *         <span class="sticky-upload-filename">Currently: cv.pdf (47 KB)</span>
 *         <label class="sticky-upload-remove"><input type="checkbox" name="NAME:remove" value="TOKEN"> Remove</label>
 *         <input type="hidden" name="NAME:token" value="TOKEN" data-sticky-token>
 *       </li>
 *     </ul>
 *     <input type="file" name="NAME:file" data-upload-url="/app/sticky-uploads/default"   required: the endpoint
 *            [accept="..."] [multiple] [required data-required="true"]>    no `required` while a file is held
 *     <input type="hidden" name="NAME:token" value="" data-sticky-token>   only when the list holds no file
 *     <progress class="sticky-upload-progress" max="100" value="0" hidden></progress>        optional
 *     <span class="sticky-upload-status" role="status" aria-live="polite"></span>            optional
 *   </div>
 *
 * The texts: data-text-uploading ({0} file, {1} percent, {2} sent, {3} size), -uploaded ({0} file, {1} size),
 * -failed, -waiting, -removed ({0} file), -remove, -too-large, -type-not-allowed ({0} type); the server's
 * messages of the same names (README, "Messages and languages"). The form needs
 * `enctype="multipart/form-data"`, and the page loads this script and `sticky-uploads.css`: from the Faces
 * resource library `sticky`, or, without Faces, straight from the jar at `{context-root}/sticky/sticky-uploads.js`.
 *
 * Events, dispatched on the widget (they bubble), for page authors:
 * - `sticky:start`    detail `{file}`: an upload begins;
 * - `sticky:progress` detail `{file, loaded, total}`: bytes were sent;
 * - `sticky:success`  detail `{file, filename, size, contentType, token}`: the server kept the file;
 * - `sticky:error`    detail `{file, status, message}`: refused before sending (status 0), by the server, or
 *   lost on the way (network failure, abort, an answer that is not the endpoint's JSON such as a proxy's page);
 * - `sticky:remove`   detail `{filename}`: an entry was removed, and its upload released.
 *
 * All texts come from the widget's `data-text-*` attributes, which the server renders in the page's language.
 *
 * @see io.github.stickyuploads.faces.StickyUploadComponent
 * @see io.github.stickyuploads.StickyFiles#read
 */
(() => {
  'use strict';

  if (window.StickyUploads) {
    return; // loaded twice on one page
  }

  /** How many files of one widget upload at the same time. */
  const PARALLEL_UPLOADS = 2;
  /** How often, at most, the live status repeats the progress to screen readers. */
  const ANNOUNCE_EVERY_MS = 1000;

  /** Per widget: its entries' state, keyed by the entry element. */
  const states = new WeakMap();

  // ---- Small helpers ------------------------------------------------------------------------------------

  /**
   * Replaces {0}, {1}, ... in a text.
   * @param {string} template Required; e.g. "Uploaded {0} ({1})".
   * @param {...(string|number)} values The values of the placeholders.
   * @returns {string}
   */
  function format(template, ...values) {
    return template.replace(/\{(\d+)\}/g, (match, index) => String(values[Number(index)] ?? match));
  }

  /**
   * A size for people, as the server writes it: "999 bytes", "1.5 KB", "47 KB", "10 MB".
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

  /**
   * A text of the widget, from its `data-text-<name>` attribute.
   * @param {HTMLElement} widget Required.
   * @param {string} name Required; e.g. "uploaded".
   * @param {string} fallback The English text, should the attribute be missing.
   * @returns {string}
   */
  function text(widget, name, fallback) {
    const key = 'text' + name.replace(/(^|-)(\w)/g, (match, dash, letter) => letter.toUpperCase());
    return widget.dataset[key] || fallback;
  }

  /** @param {HTMLElement} widget @returns {HTMLInputElement|null} its native file input */
  function fileInputOf(widget) {
    return widget.querySelector('input[type=file][data-upload-url]');
  }

  /** @param {HTMLElement} widget @returns {HTMLElement} its list of entries */
  function listOf(widget) {
    let list = widget.querySelector('.sticky-upload-files');
    if (!list) {
      list = document.createElement('ul');
      list.className = 'sticky-upload-files';
      widget.prepend(list);
    }
    return list;
  }

  /**
   * Says something in the widget's polite live region.
   * @param {HTMLElement} widget Required.
   * @param {string} message Required; empty to clear.
   */
  function announce(widget, message) {
    const status = widget.querySelector('.sticky-upload-status');
    if (status) {
      status.textContent = message;
    }
  }

  /**
   * Dispatches one of the script's events on the widget.
   * @param {HTMLElement} widget Required.
   * @param {string} name Required; e.g. "sticky:success".
   * @param {object} detail Required.
   */
  function emit(widget, name, detail) {
    widget.dispatchEvent(new CustomEvent(name, { bubbles: true, detail }));
  }

  /** @param {HTMLElement} widget @returns {HTMLElement[]} the entries whose upload is queued or running */
  function pendingEntries(widget) {
    return [...widget.querySelectorAll('.sticky-upload-files > li')]
      .filter(entry => ['queued', 'uploading'].includes(entry.dataset.state));
  }

  /** @param {HTMLElement} widget @returns {boolean} whether some entry holds a token */
  function hasToken(widget) {
    return [...widget.querySelectorAll('input[type=hidden][data-sticky-token]')].some(input => input.value !== '');
  }

  /** Puts `required` back on the file input when nothing is left, where the server rendered it required. */
  function updateRequired(widget) {
    const input = fileInputOf(widget);
    if (input && input.dataset.required === 'true') {
      input.required = !hasToken(widget) && pendingEntries(widget).length === 0;
    }
  }

  /** Shows the widget's overall progress: the bytes sent of all running uploads. */
  function updateProgress(widget) {
    const bar = widget.querySelector(':scope > progress.sticky-upload-progress');
    if (!bar) {
      return;
    }
    const running = pendingEntries(widget).map(entry => states.get(entry)).filter(Boolean);
    const total = running.reduce((sum, state) => sum + state.file.size, 0);
    const loaded = running.reduce((sum, state) => sum + state.loaded, 0);
    bar.hidden = running.length === 0;
    bar.value = total > 0 ? Math.round((loaded / total) * 100) : 0;
  }

  // ---- Entries --------------------------------------------------------------------------------------------

  /**
   * Makes the list entry of a new file.
   * @param {HTMLElement} widget Required.
   * @param {File} file Required.
   * @returns {HTMLLIElement}
   */
  function createEntry(widget, file) {
    const input = fileInputOf(widget);
    const entry = document.createElement('li');
    entry.className = 'sticky-upload-entry';
    entry.dataset.state = 'queued';

    const name = document.createElement('span');
    name.className = 'sticky-upload-filename';
    name.textContent = file.name;

    const progress = document.createElement('progress');
    progress.className = 'sticky-upload-progress';
    progress.max = 100;
    progress.value = 0;
    progress.setAttribute('aria-label', file.name);

    const message = document.createElement('span');
    message.className = 'sticky-upload-message';

    const remove = document.createElement('button');
    remove.type = 'button';
    remove.className = 'sticky-upload-remove-button';
    remove.textContent = text(widget, 'remove', 'Remove');
    remove.setAttribute('aria-label', `${remove.textContent} ${file.name}`);

    const token = document.createElement('input');
    token.type = 'hidden';
    token.name = input.name.replace(/file$/, 'token');
    token.value = '';
    token.dataset.stickyToken = '';

    entry.append(name, ' ', progress, ' ', message, ' ', remove, token);
    listOf(widget).append(entry);
    states.set(entry, { file, request: null, loaded: 0, announced: 0 });
    return entry;
  }

  /**
   * Marks an entry as failed: no token, the message shown next to the file and announced.
   * @param {HTMLElement} widget Required.
   * @param {HTMLLIElement} entry Required.
   * @param {number} status The HTTP status, or 0 when nothing came back.
   * @param {string} message Required.
   */
  function fail(widget, entry, status, message) {
    const state = states.get(entry);
    entry.dataset.state = 'failed';
    entry.querySelector('input[data-sticky-token]').value = '';
    entry.querySelector('.sticky-upload-message').textContent = message;
    entry.querySelector('progress').hidden = true;
    const input = fileInputOf(widget);
    if (!input.multiple) {
      input.value = ''; // so that a failed file is not sent with the form either
    }
    announce(widget, `${state.file.name}: ${message}`);
    emit(widget, 'sticky:error', { file: state.file, status, message });
    settle(widget);
  }

  /**
   * Removes an entry: aborts its upload or releases its stored file on the server, and forgets its token.
   * @param {HTMLElement} widget Required.
   * @param {HTMLLIElement} entry Required.
   * @param {boolean} quietly Whether to skip the announcement (when a new pick replaces the entry).
   */
  function removeEntry(widget, entry, quietly) {
    const state = states.get(entry);
    const tokenInput = entry.querySelector('input[data-sticky-token]');
    const token = tokenInput ? tokenInput.value : '';
    const filename = state ? state.file.name : entry.dataset.filename || '';
    if (state && state.request) {
      state.removed = true; // abort() reports synchronously: that is no failure to show
      state.request.abort();
    }
    if (token) {
      release(fileInputOf(widget).dataset.uploadUrl, token);
    }
    const hadFocus = entry.contains(document.activeElement);
    entry.remove();
    if (hadFocus) {
      fileInputOf(widget).focus(); // not lost to the page: the next natural step is to pick a file
    }
    states.delete(entry);
    updateRequired(widget);
    updateProgress(widget);
    if (!quietly) {
      announce(widget, format(text(widget, 'removed', 'Removed {0}.'), filename));
    }
    emit(widget, 'sticky:remove', { filename });
    settle(widget);
    pump(widget);
  }

  /**
   * Releases a temporary upload on the server. Best effort: an upload that is not released expires.
   * @param {string} url Required; the endpoint.
   * @param {string} token Required.
   */
  function release(url, token) {
    const request = new XMLHttpRequest();
    request.open('DELETE', `${url}${url.includes('?') ? '&' : '?'}stored=${encodeURIComponent(token)}`);
    request.setRequestHeader('X-Requested-With', 'XMLHttpRequest');
    request.send();
  }

  // ---- Picking and uploading ---------------------------------------------------------------------------

  /**
   * Whether a file matches an `accept` list such as "application/pdf,.pdf,image/*".
   * @param {File} file Required.
   * @param {string} accept The input's accept attribute, possibly empty.
   * @returns {boolean}
   */
  function isAccepted(file, accept) {
    const patterns = (accept || '').split(',').map(pattern => pattern.trim().toLowerCase()).filter(Boolean);
    if (patterns.length === 0) {
      return true;
    }
    const name = file.name.toLowerCase();
    const type = (file.type || '').toLowerCase();
    return patterns.some(pattern => pattern.startsWith('.') ? name.endsWith(pattern)
      : pattern.endsWith('/*') ? type.startsWith(pattern.slice(0, -1)) : type === pattern);
  }

  /**
   * Takes files the user picked or dropped: without `multiple` the first replaces whatever the widget held;
   * with it, they are added.
   * @param {HTMLElement} widget Required.
   * @param {File[]} files Required.
   */
  function add(widget, files) {
    const input = fileInputOf(widget);
    if (!input || input.disabled || files.length === 0) {
      return;
    }
    const chosen = input.multiple ? files : files.slice(0, 1);
    if (!input.multiple) {
      widget.querySelectorAll('.sticky-upload-files > li').forEach(entry => removeEntry(widget, entry, true));
      // The empty field the server rendered for a widget without files: the entry brings its own.
      widget.querySelectorAll(':scope > input[data-sticky-token]').forEach(empty => empty.remove());
    }
    const maxSize = Number(widget.dataset.maxSize || Infinity);
    for (const file of chosen) {
      const entry = createEntry(widget, file);
      if (file.size > maxSize) {
        fail(widget, entry, 0, text(widget, 'too-large', 'The file is too large.'));
      } else if (!isAccepted(file, input.accept)) {
        fail(widget, entry, 0, format(text(widget, 'type-not-allowed', 'Files of type {0} are not accepted here.'),
          file.type || file.name.replace(/^.*(\.[^.]*)$/, '$1')));
      }
    }
    if (input.multiple) {
      input.value = ''; // the list holds the files now; this lets the same file be picked again
    }
    updateRequired(widget);
    pump(widget);
  }

  /** Starts queued uploads of the widget, up to the parallel limit. */
  function pump(widget) {
    const entries = [...widget.querySelectorAll('.sticky-upload-files > li')];
    let running = entries.filter(entry => entry.dataset.state === 'uploading').length;
    for (const entry of entries) {
      if (running >= PARALLEL_UPLOADS) {
        return;
      }
      if (entry.dataset.state === 'queued') {
        upload(widget, entry);
        running++;
      }
    }
  }

  /**
   * Uploads the file of one entry.
   * @param {HTMLElement} widget Required.
   * @param {HTMLLIElement} entry Required.
   */
  function upload(widget, entry) {
    const state = states.get(entry);
    const request = new XMLHttpRequest();
    state.request = request;
    entry.dataset.state = 'uploading';
    request.open('POST', fileInputOf(widget).dataset.uploadUrl);
    request.setRequestHeader('X-Requested-With', 'XMLHttpRequest');
    request.upload.addEventListener('progress', event => {
      if (!event.lengthComputable) {
        return;
      }
      state.loaded = Math.min(event.loaded, state.file.size);
      const percent = Math.round((event.loaded / event.total) * 100);
      entry.querySelector('progress').value = percent;
      const progressText = format(text(widget, 'uploading', 'Uploading {0}… {1}% ({2} of {3})'), state.file.name,
        percent, humanSize(state.loaded), humanSize(state.file.size));
      entry.querySelector('.sticky-upload-message').textContent = progressText;
      const now = Date.now();
      const form = widget.closest('form');
      // While a submit waits, the live region keeps saying so; the entry still shows the percentage.
      if (now - state.announced >= ANNOUNCE_EVERY_MS && !(form && waiting.has(form))) {
        state.announced = now;
        announce(widget, progressText);
      }
      updateProgress(widget);
      emit(widget, 'sticky:progress', { file: state.file, loaded: event.loaded, total: event.total });
    });
    request.addEventListener('loadend', () => {
      if (state.removed || !entry.isConnected) {
        return; // removed or replaced meanwhile
      }
      state.request = null;
      const answer = parseAnswer(request);
      if (request.status === 200 && answer && answer.is_valid === true && typeof answer.stored === 'string') {
        entry.dataset.state = 'done';
        entry.querySelector('input[data-sticky-token]').value = answer.stored;
        entry.querySelector('progress').hidden = true;
        const done = format(text(widget, 'uploaded', 'Uploaded {0} ({1})'), answer.filename, humanSize(answer.size));
        entry.querySelector('.sticky-upload-message').textContent = done;
        announce(widget, done);
        emit(widget, 'sticky:success', { file: state.file, filename: answer.filename, size: answer.size,
          contentType: answer.content_type, token: answer.stored });
        updateRequired(widget);
        updateProgress(widget);
        settle(widget);
      } else {
        fail(widget, entry, request.status, serverMessage(answer) || text(widget, 'failed', 'The upload failed.'));
      }
      pump(widget);
    });
    const body = new FormData();
    body.append('upload', state.file, sendableName(state.file.name));
    announce(widget, format(text(widget, 'uploading', 'Uploading {0}… {1}% ({2} of {3})'), state.file.name, 0,
      humanSize(0), humanSize(state.file.size)));
    emit(widget, 'sticky:start', { file: state.file });
    request.send(body);
    updateProgress(widget);
  }

  /**
   * The filename to send. Browsers put control characters (a BEL, an ESC) raw into the part's header, where
   * HTTP forbids them and the server refuses the whole request; the server would strip them from the stored
   * name anyway, so they are dropped here.
   * @param {string} name @returns {string}
   */
  function sendableName(name) {
    return name.replace(/[\u0000-\u001f\u007f]/g, '') || 'upload';
  }

  /** @param {XMLHttpRequest} request @returns {object|null} the endpoint's JSON, or null for anything else */
  function parseAnswer(request) {
    if (!/json/i.test(request.getResponseHeader('Content-Type') || '')) {
      return null; // a proxy's error page, an empty answer, a network failure
    }
    try {
      return JSON.parse(request.responseText);
    } catch (notJson) {
      return null;
    }
  }

  /** @param {object|null} answer @returns {string} the server's error messages, or '' */
  function serverMessage(answer) {
    const errors = answer && answer.errors && typeof answer.errors === 'object' ? Object.values(answer.errors).flat() : [];
    return errors.filter(message => typeof message === 'string').join(' ');
  }

  // ---- Submitting -----------------------------------------------------------------------------------------

  /** Forms whose submit waits for uploads: the button that submitted, and the entries waited for. */
  const waiting = new WeakMap();

  /**
   * Called whenever an upload ends: a form that waits for it goes on once none is pending, or is cancelled
   * when one of the awaited uploads failed.
   * @param {HTMLElement} widget Required.
   */
  function settle(widget) {
    const form = widget.closest('form');
    const wait = form ? waiting.get(form) : null;
    if (!wait || widgetsOf(form).some(other => pendingEntries(other).length > 0)) {
      return;
    }
    waiting.delete(form);
    if (wait.entries.some(entry => entry.dataset.state === 'failed')) {
      return; // the failed entries show their error; the user decides what next
    }
    if (wait.button && wait.button.isConnected) {
      wait.button.click();
    } else {
      form.requestSubmit();
    }
  }

  /** @param {HTMLFormElement} form @returns {HTMLElement[]} its widgets */
  function widgetsOf(form) {
    return [...form.querySelectorAll('[data-sticky-upload]')];
  }

  /**
   * Holds a submit back while uploads of its form run.
   * @param {Event} event The click or submit.
   * @param {HTMLFormElement} form Required.
   * @param {HTMLElement|null} button What submits.
   * @returns {boolean} whether the submit was held back
   */
  function waitForUploads(event, form, button) {
    const pending = widgetsOf(form).flatMap(pendingEntries);
    if (pending.length === 0) {
      return false;
    }
    event.preventDefault();
    event.stopImmediatePropagation();
    waiting.set(form, { button, entries: pending });
    widgetsOf(form).filter(widget => pendingEntries(widget).length > 0)
      .forEach(widget => announce(widget, text(widget, 'waiting', 'Waiting for the upload to finish…')));
    return true;
  }

  /**
   * Disables, for the moment of a submit, the file inputs whose files are already uploaded, so the bytes are
   * not sent a second time.
   * @param {HTMLFormElement} form Required.
   */
  function holdBackUploadedFiles(form) {
    const held = widgetsOf(form).filter(hasToken).map(fileInputOf).filter(input => input && !input.disabled);
    held.forEach(input => { input.disabled = true; });
    setTimeout(() => held.forEach(input => { input.disabled = false; }), 0);
  }

  // ---- Listeners on the document --------------------------------------------------------------------------

  document.addEventListener('change', event => {
    const target = event.target;
    const widget = target instanceof Element ? target.closest('[data-sticky-upload]') : null;
    if (!widget) {
      return;
    }
    if (target instanceof HTMLInputElement && target.type === 'file' && target.dataset.uploadUrl) {
      add(widget, [...target.files]);
    } else if (target instanceof HTMLInputElement && target.type === 'checkbox' && target.checked
      && target.closest('.sticky-upload-current')) {
      // Remove of a file the server rendered: with the script, act at once instead of on submit.
      removeEntry(widget, target.closest('li'), false);
    }
  });

  document.addEventListener('click', event => {
    const target = event.target instanceof Element ? event.target : null;
    const remove = target ? target.closest('.sticky-upload-remove-button') : null;
    if (remove) {
      removeEntry(remove.closest('[data-sticky-upload]'), remove.closest('li'), false);
      return;
    }
    const button = target ? target.closest('button, input[type=submit], input[type=image]') : null;
    if (button && button.form && button.type !== 'button' && button.type !== 'reset') {
      if (!waitForUploads(event, button.form, button)) {
        holdBackUploadedFiles(button.form);
      }
    }
  }, true);

  document.addEventListener('submit', event => {
    const form = event.target;
    if (form instanceof HTMLFormElement && !waitForUploads(event, form, event.submitter)) {
      holdBackUploadedFiles(form);
    }
  }, true);

  document.addEventListener('dragover', event => {
    const widget = event.target instanceof Element ? event.target.closest('[data-sticky-upload]') : null;
    if (widget && fileInputOf(widget) && event.dataTransfer && [...event.dataTransfer.types].includes('Files')) {
      event.preventDefault();
      event.dataTransfer.dropEffect = 'copy';
      widget.classList.add('sticky-upload-dragover');
    }
  });

  document.addEventListener('dragleave', event => {
    const widget = event.target instanceof Element ? event.target.closest('[data-sticky-upload]') : null;
    if (widget && !widget.contains(event.relatedTarget)) {
      widget.classList.remove('sticky-upload-dragover');
    }
  });

  document.addEventListener('drop', event => {
    const widget = event.target instanceof Element ? event.target.closest('[data-sticky-upload]') : null;
    if (widget && fileInputOf(widget) && event.dataTransfer && event.dataTransfer.files.length > 0) {
      event.preventDefault();
      widget.classList.remove('sticky-upload-dragover');
      add(widget, [...event.dataTransfer.files]);
    }
  });

  window.StickyUploads = Object.freeze({ humanSize, format, isAccepted });
})();
