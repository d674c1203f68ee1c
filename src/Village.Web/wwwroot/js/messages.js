// Village: live conversations. Loaded (defer) on the /messages pages only; everything works without it.
// - Listens to /messages/stream (Server-Sent Events): new messages of the open conversation are appended (a sequence
//   already shown is ignored), the unread badge ([data-unread-count]) follows on every event.
// - Marks the conversation read while the page is visible.
// - Sends without reloading, keeping the text until the server confirms; the draft is kept in localStorage per
//   conversation on every keystroke and restored on load, cleared only after a confirmed send.
// Texts come from data attributes the page renders (localized); this file writes every message as text, never as HTML.
(function () {
    'use strict';

    var list = document.getElementById('messages');
    var form = document.getElementById('message-form');
    var textarea = document.getElementById('message-text');
    var conversation = list ? list.getAttribute('data-conversation') : null;
    var draftKey = conversation ? 'village-draft:' + conversation : null;
    var sending = false;
    var readSent = 0; // set below to the page's last sequence: opening the page already marked it read

    function lastSequence() {
        return list ? parseInt(list.getAttribute('data-last-sequence') || '0', 10) || 0 : 0;
    }

    function text(element, name) {
        return (element && element.getAttribute(name)) || '';
    }

    // ---- Drafts -------------------------------------------------------------------------------------------------
    function saveDraft() {
        if (!draftKey || !textarea) { return; }
        try {
            if (textarea.value.trim().length > 0) {
                localStorage.setItem(draftKey, textarea.value);
            } else {
                localStorage.removeItem(draftKey);
            }
        } catch (e) { /* storage full or refused: the text stays in the field */ }
    }

    function restoreDraft() {
        if (!draftKey || !textarea) { return; }
        try {
            var draft = localStorage.getItem(draftKey);
            // The server may have kept the text itself (a refused send): that one wins.
            if (draft && textarea.value.trim().length === 0) {
                textarea.value = draft;
                status(text(form, 'data-draft-restored'), false);
            }
        } catch (e) { /* no storage: nothing to restore */ }
    }

    function clearDraft() {
        if (!draftKey) { return; }
        try { localStorage.removeItem(draftKey); } catch (e) { /* nothing kept */ }
    }

    // ---- Status line under the form ----------------------------------------------------------------------------
    var statusLine = null;
    function status(message, isError) {
        if (!form) { return; }
        if (!statusLine) {
            statusLine = document.getElementById('message-status');
            if (!statusLine) {
                statusLine = document.createElement('p');
                statusLine.id = 'message-status';
                statusLine.setAttribute('role', 'status');
                statusLine.setAttribute('aria-live', 'polite');
                form.appendChild(statusLine);
            }
        }
        statusLine.textContent = message || '';
        statusLine.className = isError ? 'field-error' : 'muted';
        statusLine.hidden = !message;
    }

    // ---- Showing a message -------------------------------------------------------------------------------------
    function formatTime(iso) {
        var date = new Date(iso);
        if (isNaN(date.getTime())) { return ''; }
        try {
            return date.toLocaleString(document.documentElement.lang || undefined, { dateStyle: 'medium', timeStyle: 'short' });
        } catch (e) {
            return date.toLocaleString();
        }
    }

    function append(message) {
        if (!list || message.conversation !== conversation) { return; }
        if (document.getElementById('m-' + message.sequence)) { return; }
        var item = document.createElement('li');
        item.id = 'm-' + message.sequence;
        item.setAttribute('data-sequence', String(message.sequence));
        item.className = 'card message' + (message.mine ? ' mine' : '');
        var meta = document.createElement('p');
        meta.className = 'muted';
        var author = document.createElement('strong');
        author.textContent = message.mine ? text(list, 'data-me') : message.author === null ? text(list, 'data-author-left') : message.author;
        var time = document.createElement('time');
        time.setAttribute('datetime', message.at);
        time.textContent = formatTime(message.at);
        meta.appendChild(author);
        meta.appendChild(document.createTextNode(' · '));
        meta.appendChild(time);
        if (message.hidden) {
            var hidden = document.createElement('span');
            hidden.className = 'tags';
            hidden.textContent = ' ' + text(list, 'data-hidden-label');
            meta.appendChild(hidden);
        }
        var body = document.createElement('p');
        body.className = 'prewrap';
        body.textContent = message.text;
        item.appendChild(meta);
        item.appendChild(body);

        // In sequence order, even if the page already shows a later message.
        var before = null;
        var items = list.querySelectorAll('li[data-sequence]');
        for (var i = 0; i < items.length; i++) {
            if (parseInt(items[i].getAttribute('data-sequence'), 10) > message.sequence) { before = items[i]; break; }
        }
        var nearBottom = window.innerHeight + window.scrollY >= document.body.scrollHeight - 200;
        list.insertBefore(item, before);
        if (message.sequence > lastSequence()) {
            list.setAttribute('data-last-sequence', String(message.sequence));
        }
        if (nearBottom || message.mine) {
            item.scrollIntoView({ block: 'end' });
        }
        markRead();
    }

    function showUnread(count) {
        var badges = document.querySelectorAll('[data-unread-count]');
        for (var i = 0; i < badges.length; i++) {
            badges[i].textContent = String(count);
            badges[i].hidden = count === 0;
        }
    }

    // ---- Read state --------------------------------------------------------------------------------------------
    function token() {
        var input = form ? form.querySelector('input[name="__RequestVerificationToken"]') : document.querySelector('input[name="__RequestVerificationToken"]');
        return input ? input.value : '';
    }

    function markRead() {
        if (!conversation || document.visibilityState !== 'visible') { return; }
        var sequence = lastSequence();
        if (sequence <= readSent) { return; }
        readSent = sequence;
        var url = list.getAttribute('data-read-url') || '/api/conversations/' + conversation + '/read';
        fetch(url, {
            method: 'POST',
            credentials: 'same-origin',
            headers: { 'Content-Type': 'application/json', 'RequestVerificationToken': token() },
            body: JSON.stringify({ sequence: sequence })
        }).catch(function () { readSent = 0; });
    }

    // ---- The live stream ---------------------------------------------------------------------------------------
    function listen() {
        if (!window.EventSource) { return null; }
        var url = '/messages/stream';
        if (conversation) {
            url += '?conversation=' + encodeURIComponent(conversation) + '&after=' + lastSequence();
        }
        // The browser reconnects by itself and sends the last event id: the server resumes after it.
        var source = new EventSource(url);
        source.addEventListener('message', function (e) {
            try { append(JSON.parse(e.data)); } catch (err) { /* a malformed event is skipped */ }
        });
        source.addEventListener('unread', function (e) {
            try { showUnread(JSON.parse(e.data).unread); } catch (err) { /* ignored */ }
        });
        return source;
    }

    // ---- Sending without reload --------------------------------------------------------------------------------
    function firstError(html) {
        try {
            var page = new DOMParser().parseFromString(html, 'text/html');
            var error = page.querySelector('.field-error:not(:empty), .validation-summary-errors li, .notice');
            return error ? error.textContent.trim() : '';
        } catch (e) {
            return '';
        }
    }

    function send(event) {
        if (!textarea || textarea.value.trim().length === 0) { return; }
        event.preventDefault();
        if (sending) { return; }
        sending = true;
        saveDraft();
        var button = form.querySelector('button[type="submit"], button:not([type])');
        if (button) { button.disabled = true; }
        status(text(form, 'data-sending'), false);
        fetch(form.getAttribute('action') || window.location.href, {
            method: 'POST',
            body: new FormData(form),
            credentials: 'same-origin',
            redirect: 'follow'
        }).then(function (response) {
            if (response.ok && response.redirected) {
                // Confirmed (POST-redirect-GET): only now the text and its draft go.
                textarea.value = '';
                clearDraft();
                status('', false);
                if (!stream || stream.readyState !== EventSource.OPEN) {
                    window.location.assign(response.url);
                }
                return null;
            }
            if (response.status >= 400 && response.status < 500) {
                return response.text().then(function (html) {
                    status(firstError(html) || text(form, 'data-not-sent'), true);
                });
            }
            status(text(form, 'data-not-sent'), true);
            return null;
        }).catch(function () {
            // Offline or the server unreachable: the text stays in the field and in the draft.
            status(text(form, 'data-not-sent'), true);
        }).then(function () {
            sending = false;
            if (button) { button.disabled = false; }
        });
    }

    readSent = lastSequence();
    restoreDraft();
    if (textarea) {
        textarea.addEventListener('input', saveDraft);
    }
    if (form && textarea && window.fetch && window.FormData) {
        form.addEventListener('submit', send);
    }
    var stream = listen();
    document.addEventListener('visibilitychange', markRead);
    markRead();
}());
