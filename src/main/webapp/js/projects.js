// Projects: each with its shots, budget and the ways in (grid, runs, settings, schedules).
import {h, page, table, usd, when} from './lib.js';

export async function projects() {
    const {items, total} = await page('projects', 200);
    const view = document.getElementById('view');
    view.replaceChildren(
        h('h2', {}, 'Projects'),
        items.length ? table(['#', 'Name', 'Shots', 'Budget', 'Updated', ''], items.map(p => h('tr', {dataset: {id: p.id}},
            h('td', {}, p.id),
            h('td', {}, h('a.project-link', {href: `#/projects/${p.id}`}, p.name)),
            h('td', {}, p.shots), h('td', {}, usd(p.budgetUsd)), h('td', {}, when(p.updatedAt)),
            h('td.actions', {}, h('a', {href: `#/projects/${p.id}`}, 'Shot grid'), ' · ',
                h('a', {href: `#/runs?project=${p.id}`, onclick: e => { e.preventDefault(); sessionStorage.setItem('dailies-run-project', p.id); location.hash = '#/runs'; }}, 'Runs'), ' · ',
                h('a', {href: `#/settings/${p.id}`}, 'Settings'), ' · ',
                h('a', {href: `#/schedules/${p.id}`}, 'Schedules'), ' · ',
                h('a', {href: `api/projects/${p.id}/workbook`}, 'Workbook')))), 'projects')
            : h('p', {}, 'No project yet: ', h('a', {href: '#/imports'}, 'import a shot list'), '.'),
        total > items.length ? h('p.list-count', {}, `The first ${items.length} of ${total} projects.`) : '');
}
