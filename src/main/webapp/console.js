// The console: a page per hash route, each a plain ES module under js/. Nothing here polls: runs move by
// server-sent events, everything else loads when its page opens or after an action. It opens once the
// session is read (the sign-in page when there is none) and shows only what the user's roles allow.
import {call, enforceRoles, fail, h, leave, loadSession, say, user} from './js/lib.js';

const routes = [
    [/^#?\/?$/, () => import('./js/projects.js').then(m => m.projects())],
    [/^#\/projects$/, () => import('./js/projects.js').then(m => m.projects())],
    [/^#\/projects\/(\d+)$/, id => import('./js/grid.js').then(m => m.grid(Number(id)))],
    [/^#\/takes\/(\d+)\/(\d+)(?:\/(\d+))?$/, (run, take, shot) => import('./js/take.js').then(m => m.review(Number(run), Number(take), shot && Number(shot)))],
    [/^#\/imports$/, () => import('./js/imports.js').then(m => m.imports())],
    [/^#\/imports\/(\d+)$/, id => import('./js/imports.js').then(m => m.imports(Number(id)))],
    [/^#\/runs$/, () => import('./js/runs.js').then(m => m.runs())],
    [/^#\/runs\/(\d+)$/, id => import('./js/runs.js').then(m => m.run(Number(id)))],
    [/^#\/jobs$/, () => import('./js/runs.js').then(m => m.jobs())],
    [/^#\/settings$/, () => import('./js/settings.js').then(m => m.settings())],
    [/^#\/settings\/users$/, () => import('./js/users.js').then(m => m.users())],
    [/^#\/settings\/(\d+)$/, id => import('./js/settings.js').then(m => m.settings(Number(id)))],
    [/^#\/schedules$/, () => import('./js/schedules.js').then(m => m.schedules())],
    [/^#\/schedules\/(\d+)$/, id => import('./js/schedules.js').then(m => m.schedules(Number(id)))],
];

// A page registers what to close when the user leaves it (event streams, key handlers).
window.dailiesCleanup = [];

async function route() {
    leave();
    say('');
    const hash = location.hash || '#/';
    const section = hash.split('/')[1] || 'projects';
    for (const a of document.querySelectorAll('nav a')) a.classList.toggle('active', a.dataset.section === section);
    const view = document.getElementById('view');
    for (const [pattern, show] of routes) {
        const m = hash.match(pattern);
        if (m) {
            view.replaceChildren(h('p.loading', {}, h('progress.bar'), ' Loading…'));
            try { await show(...m.slice(1)); } catch (e) { view.replaceChildren(); fail(e); }
            return;
        }
    }
    view.replaceChildren(h('p', {}, 'No such page. ', h('a', {href: '#/'}, 'Projects')));
}

async function signOut() {
    try {
        await call('session', {method: 'DELETE', signedOut: true});
    } catch (e) {
        console.warn(e); // signed out already: the sign-in page either way
    }
    location.replace('signin.html');
}

async function start() {
    try {
        await loadSession(); // a 401 has gone to the sign-in page
    } catch (e) {
        if (e.status !== 401) fail(e);
        return;
    }
    enforceRoles();
    document.getElementById('signed-in-user').textContent = user.username;
    document.getElementById('signed-in-user').title = `your account (${user.roles.join(', ')})`;
    document.getElementById('sign-out').addEventListener('click', signOut);
    document.getElementById('who').hidden = false;
    window.addEventListener('hashchange', route);
    await route();
}

start();
