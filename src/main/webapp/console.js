// The console: a page per hash route, each a plain ES module under js/. Nothing here polls: runs move by
// server-sent events, everything else loads when its page opens or after an action.
import {fail, h, leave, say} from './js/lib.js';

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

const name = document.getElementById('reviewer-name');
name.value = localStorage.getItem('dailies-reviewer') || '';
name.addEventListener('change', () => localStorage.setItem('dailies-reviewer', name.value.trim()));

window.addEventListener('hashchange', route);
route();
