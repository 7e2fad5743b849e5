// Shared by every page: calls to the API (same-origin credentials, the CSRF cookie echoed as a header, the
// console's X-Requested-With, the server's problem detail as the error, the sign-in page on a 401), the
// signed-in user and what their roles allow, a few DOM builders, progress bars and the status line.

export class ApiError extends Error {
    constructor(status, detail, body) {
        super(detail);
        this.status = status;
        this.body = body;
    }
}

function csrf() {
    const m = document.cookie.match(/(?:^|;\s*)dailies-csrf=([^;]*)/);
    return m ? decodeURIComponent(m[1]) : null;
}

// Sent on every call: the server then answers a 401 without `WWW-Authenticate: Basic`, so the browser never
// opens its own password dialog; the console goes to its sign-in page instead.
const REQUESTED_WITH = 'dailies-console';

export function headers(extra = {}) {
    const h = {'X-Requested-With': REQUESTED_WITH, ...extra};
    const token = csrf();
    if (token) h['X-CSRF-Token'] = token;
    return h;
}

async function problem(r) {
    const type = r.headers.get('content-type') || '';
    let body = null;
    if (type.includes('json')) {
        try { body = await r.json(); } catch { body = null; }
    }
    // Only the problem's detail (or title) is shown, never a body that could be a stack trace.
    const detail = body?.detail || body?.title || `${r.status} ${r.statusText}`;
    const error = new ApiError(r.status, detail, body);
    // A 429 or 503 says how long to wait: seconds, or an HTTP date.
    const retry = r.headers.get('Retry-After');
    if (retry) error.retryAfter = /^\d+$/.test(retry.trim()) ? Number(retry) : Math.max(0, (Date.parse(retry) - Date.now()) / 1000) || null;
    return error;
}

/** The sign-in page, asked to come back here (this page and its route) once the user has signed in. */
export function signIn() {
    const here = location.pathname + location.search + location.hash;
    location.replace('signin.html?next=' + encodeURIComponent(here));
}

/**
 * A call to /api/...: resolves to {body, response}; rejects with an ApiError carrying the problem's detail.
 * A 401 (not signed in, or the session ended) goes to the sign-in page, unless `signedOut` says the caller
 * expects it (the sign-in page itself).
 */
export async function call(path, {method = 'GET', json, body, headers: extra = {}, signedOut = false} = {}) {
    const h = headers(extra);
    if (json !== undefined) {
        h['Content-Type'] = 'application/json';
        body = JSON.stringify(json);
    }
    const r = await fetch('api/' + path, {method, body, headers: h, credentials: 'same-origin'});
    if (r.status === 401 && !signedOut) {
        signIn();
        throw new ApiError(401, 'Your session has ended: sign in again.', null);
    }
    if (!r.ok) throw await problem(r);
    const type = r.headers.get('content-type') || '';
    return {body: type.includes('json') ? await r.json() : null, response: r};
}

export const get = async path => (await call(path)).body;
export const post = async (path, json) => (await call(path, {method: 'POST', json})).body;

/** One page of a list: its items and the whole list's size (X-Total-Count). */
export async function page(path, limit = 100, offset = 0) {
    const sep = path.includes('?') ? '&' : '?';
    const {body, response} = await call(`${path}${sep}limit=${limit}&offset=${offset}`);
    return {items: body, total: Number(response.headers.get('X-Total-Count') ?? body.length)};
}

/** A whole list, page after page (for lists that stay small: a run's takes, a project's runs). */
export async function all(path, limit = 1000) {
    const out = [];
    for (let offset = 0; ; offset += limit) {
        const {items, total} = await page(path, limit, offset);
        out.push(...items);
        if (items.length === 0 || out.length >= total) return out;
    }
}

/** An upload with its progress (fetch cannot report upload progress): resolves to the JSON answer. */
export function upload(path, form, onProgress) {
    return new Promise((resolve, reject) => {
        const x = new XMLHttpRequest();
        x.open('POST', 'api/' + path);
        x.withCredentials = true;
        for (const [k, v] of Object.entries(headers())) x.setRequestHeader(k, v);
        x.upload.onprogress = e => e.lengthComputable && onProgress(e.loaded, e.total);
        x.onload = () => {
            let body = null;
            try { body = JSON.parse(x.responseText); } catch { body = null; }
            if (x.status === 401) signIn();
            if (x.status >= 200 && x.status < 300) resolve(body);
            else reject(new ApiError(x.status, body?.detail || body?.title || `${x.status} ${x.statusText}`, body));
        };
        x.onerror = () => reject(new ApiError(0, 'The upload did not reach the server.'));
        x.send(form);
    });
}

/** h('tag.class#id', {attrs, on...}, children...) */
export function h(spec, attrs = {}, ...children) {
    const [, tag, rest] = spec.match(/^([a-z0-9]+)(.*)$/i);
    const el = document.createElement(tag);
    for (const part of rest.match(/[.#][^.#]+/g) || []) {
        if (part[0] === '.') el.classList.add(part.slice(1)); else el.id = part.slice(1);
    }
    for (const [k, v] of Object.entries(attrs || {})) {
        if (v === undefined || v === null || v === false) continue;
        if (k.startsWith('on')) el.addEventListener(k.slice(2), v);
        else if (k === 'dataset') Object.assign(el.dataset, v);
        else if (k in el && typeof v !== 'string') el[k] = v;
        else el.setAttribute(k, v === true ? '' : v);
    }
    append(el, children);
    return el;
}

function append(el, children) {
    for (const c of children.flat(Infinity)) {
        if (c === null || c === undefined || c === false) continue;
        el.append(c instanceof Node ? c : document.createTextNode(String(c)));
    }
}

export function table(headings, rows, cls) {
    return h('table' + (cls ? '.' + cls : ''), {},
        h('thead', {}, h('tr', {}, headings.map(t => h('th', {}, t)))),
        h('tbody', {}, rows));
}

export function status(value) {
    return h('span.status.status-' + value, {}, value ?? '');
}

/** A progress bar: determinate with done/total, indeterminate when total is null. */
export function progressBar(done, total, label) {
    const bar = h('progress.bar', total == null ? {} : {max: Math.max(total, 1), value: done});
    return h('span.progress-wrap', {}, bar, h('span.progress-label', {}, label ?? (total == null ? '' : `${done} / ${total} shots`)));
}

export function updateProgress(wrap, done, total, label) {
    const bar = wrap.querySelector('progress');
    bar.max = Math.max(total, 1);
    bar.value = done;
    wrap.querySelector('.progress-label').textContent = label ?? `${done} / ${total} shots`;
}

export function usd(v) {
    return v === null || v === undefined ? '—' : '$' + Number(v).toFixed(2);
}

export function when(iso) {
    return iso ? new Date(iso).toLocaleString() : '';
}

/** The status line under the navigation: errors show the server's detail, never a trace. */
export function say(message, kind = 'info') {
    const el = document.getElementById('flash');
    el.textContent = message;
    el.className = 'flash flash-' + kind;
    el.hidden = !message;
}

export function fail(e) {
    console.warn(e);
    say(e instanceof ApiError ? e.message : 'Something went wrong: ' + (e?.message ?? e), 'error');
}

// The signed-in user and their effective roles (GET /api/session). Each role implies the ones before it.
export const ROLES = ['viewer', 'reviewer', 'producer', 'admin'];
export const user = {username: null, roles: []};

/** Reads the session; a 401 goes to the sign-in page. */
export async function loadSession() {
    Object.assign(user, await get('session'));
    return user;
}

/** Whether the signed-in user has the role (or a higher one: the server lists every effective role). */
export function can(role) {
    const rank = ROLES.indexOf(role);
    return user.roles.includes(role) || (rank >= 0 && user.roles.some(r => ROLES.indexOf(r) > rank));
}

/**
 * The one place that applies the roles to the page: an element marked data-needs="reviewer|producer|admin"
 * is removed unless the user has that role. It runs on the page as loaded and on every element added later
 * (a MutationObserver), so a page only marks its actions; console.css also hides them until this has run.
 * The server refuses them anyway: this is so a viewer is not offered buttons that answer 403.
 */
export function enforceRoles(root = document.body) {
    const strip = node => {
        if (node.nodeType !== Node.ELEMENT_NODE) return;
        if (node.matches('[data-needs]') && !can(node.dataset.needs)) { node.remove(); return; }
        for (const el of node.querySelectorAll('[data-needs]')) if (!can(el.dataset.needs)) el.remove();
    };
    strip(root);
    new MutationObserver(changes => changes.forEach(c => c.addedNodes.forEach(strip)))
        .observe(root, {childList: true, subtree: true});
    document.body.dataset.roles = ROLES.filter(can).join(' ');
}

export const CRITERIA = [
    ['promptAdherence', 'Adherence'], ['motionQuality', 'Motion'], ['physicalRealism', 'Realism'],
    ['continuity', 'Continuity'], ['audioSync', 'Audio']];

/** A score, coloured against the pass mark (and a margin below it for "review"). */
export function scoreCell(value, passMark = 70) {
    if (value === null || value === undefined) return h('td.score.score-none', {title: 'not measured'}, '—');
    const cls = value >= passMark ? 'score-pass' : value >= passMark - 15 ? 'score-review' : 'score-fail';
    return h('td.score.' + cls, {}, String(value));
}

export function verdictBadge(v) {
    return v ? h('span.verdict.verdict-' + v, {}, v) : '';
}

export function lintBadges(lint) {
    return (lint || []).map(f => h('span.lint.lint-' + String(f.severity || '').toLowerCase(),
        {title: (f.message || '') + (f.fix ? ' — ' + f.fix : '')}, f.ruleId || f.rule || f.severity));
}

/** Closes what the current page holds open (event streams, key handlers) before another page or a redraw. */
export function leave() {
    for (const f of window.dailiesCleanup.splice(0)) {
        try { f(); } catch { /* already closed */ }
    }
}

/** The projects (first 500) and a select of them that goes to `${hashBase}/{id}` when changed. */
export async function projectPicker(id, selected, hashBase) {
    const projects = (await page('projects', 500)).items;
    const pick = h('select#' + id, {onchange: e => { location.hash = `${hashBase}/${e.target.value}`; }},
        h('option', {value: ''}, 'choose a project'),
        projects.map(p => h('option', {value: p.id, selected: p.id === selected}, p.name)));
    return {projects, pick};
}
