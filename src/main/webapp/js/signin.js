// The sign-in page: POST /api/session with the user name and password; on success back to the page the
// console was on (?next=), on failure the server's problem detail (wrong credentials, or the lockout after
// too many failures with how long to wait). Already signed in: straight back.
import {ApiError, call} from './lib.js';

/** Where to go after signing in: a path of this site only (never another origin), the console by default. */
function next() {
    const asked = new URLSearchParams(location.search).get('next');
    if (asked) {
        try {
            const url = new URL(asked, location.href);
            if (url.origin === location.origin && !url.pathname.endsWith('/signin.html')) return url.pathname + url.search + url.hash;
        } catch {
            // not a URL: the console
        }
    }
    return new URL('.', location.href).pathname;
}

const form = document.getElementById('signin-form');
const button = document.getElementById('signin-button');
const error = document.getElementById('signin-error');
const wait = document.getElementById('signin-wait');

function show(message) {
    error.textContent = message;
    error.hidden = !message;
}

// A lockout (429) says how long in Retry-After: the button stays off until then, or until another name is typed
// (the lockout is the name's, unless the whole address is locked, which the server then says again).
let timer = null;
function unlock() {
    clearTimeout(timer);
    button.disabled = false;
    wait.hidden = true;
}
function lockFor(seconds) {
    let left = seconds;
    button.disabled = true;
    const tick = () => {
        if (left <= 0) return unlock();
        wait.textContent = `try again in ${left} s`;
        wait.hidden = false;
        left--;
        timer = setTimeout(tick, 1000);
    };
    tick();
}
document.getElementById('signin-username').addEventListener('input', () => { if (!wait.hidden) unlock(); });

form.addEventListener('submit', async e => {
    e.preventDefault();
    show('');
    button.disabled = true;
    try {
        await call('session', {method: 'POST', signedOut: true, json: {
            username: document.getElementById('signin-username').value.trim(),
            password: document.getElementById('signin-password').value}});
        location.replace(next());
    } catch (err) {
        form.dataset.answers = String(Number(form.dataset.answers ?? 0) + 1);
        show(err instanceof ApiError ? err.message : 'The server could not be reached: ' + (err?.message ?? err));
        const retry = Number(err?.retryAfter);
        if (err?.status === 429 && retry > 0) lockFor(Math.ceil(retry));
        else button.disabled = false;
        document.getElementById('signin-password').select();
    }
});

// Signed in already (another tab, or the back button): no form to fill.
call('session', {signedOut: true}).then(() => location.replace(next()), () => { /* not signed in: the form */ });
