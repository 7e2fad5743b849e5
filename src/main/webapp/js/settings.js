// Settings of a project: its scoring thresholds (saved with If-Match, so a change made meanwhile is not
// overwritten; producer) and its budget (producer; an import whose Settings sheet names one sets it again);
// the provider (its address and whether a key is set, never the key) and the model catalog; the way to the
// users page.
import {all, ApiError, call, can, fail, get, h, projectPicker, say, table, usd} from './lib.js';

const accounts = () => h('p.links', {}, h('a#users-link', {href: '#/settings/users'}, can('admin') ? 'Users and your password' : 'Your password'));

export async function settings(projectId) {
    const {projects, pick} = await projectPicker('settings-project', projectId, '#/settings');
    const view = document.getElementById('view');
    if (!projectId) {
        const [p, c] = await Promise.all([provider(), catalog()]);
        view.replaceChildren(h('h2', {}, 'Settings'), accounts(), h('p', {}, h('label', {}, 'Project ', pick)), p, c);
        return;
    }
    const project = projects.find(p => p.id === projectId) ?? (await call(`projects/${projectId}`)).body;
    const {body: t, response} = await call(`projects/${projectId}/thresholds`);
    const etag = response.headers.get('ETag');
    const names = Object.keys(t.effective);
    const inputs = new Map(names.map(n => [n, h('input', {name: n, type: 'number', step: 'any', size: 8, disabled: !can('producer'),
        value: t.overrides?.[n] ?? '', placeholder: String(t.defaults?.[n] ?? '')})]));
    const save = async e => {
        e.preventDefault();
        const body = {};
        for (const [n, input] of inputs) if (input.value.trim() !== '') body[n] = Number(input.value);
        try {
            await call(`projects/${projectId}/thresholds`, {method: 'PUT', json: body, headers: etag ? {'If-Match': etag} : {}});
            await settings(projectId);
            say('Thresholds saved.');
        } catch (err) {
            if (err instanceof ApiError && (err.status === 409 || err.status === 412)) say(err.message + ' Reload to see the change made meanwhile.', 'error');
            else fail(err);
        }
    };
    const budget = h('input#budget', {type: 'number', step: 'any', min: 0, size: 10, disabled: !can('producer'),
        value: project.budgetUsd ?? '', placeholder: 'no limit'});
    const saveBudget = async e => {
        e.preventDefault();
        try {
            await call(`projects/${projectId}/budget`, {method: 'PUT', json: {budgetUsd: budget.value.trim() === '' ? null : Number(budget.value)}});
            await settings(projectId);
            say('Budget saved.');
        } catch (err) {
            fail(err);
        }
    };
    const [p, c] = await Promise.all([provider(), catalog()]);
    view.replaceChildren(
        h('h2', {}, 'Settings'), accounts(), h('p', {}, h('label', {}, 'Project ', pick)),
        h('h3', {}, 'Budget'),
        h('form#budget-form', {onsubmit: saveBudget},
            h('p', {}, h('label', {}, 'USD ', budget), ' ', h('button#save-budget', {type: 'submit', 'data-needs': 'producer'}, 'Save'),
                h('span.muted', {}, ` now ${usd(project.budgetUsd)}; runs check it before they start, schedules every night;`
                    + ` an import whose Settings sheet names a budget sets it again. Empty: no limit.`))),
        h('h3', {}, 'Scoring thresholds'),
        h('form#thresholds-form', {onsubmit: save},
            table(['Threshold', 'In effect', 'Default', 'This project'], names.map(n => h('tr', {},
                h('td', {}, n), h('td', {}, String(t.effective[n])), h('td.muted', {}, String(t.defaults?.[n] ?? '')), h('td', {}, inputs.get(n)))), 'thresholds'),
            h('p', {}, h('button#save-thresholds', {type: 'submit', 'data-needs': 'producer'}, 'Save'), ' ',
                h('button#clear-thresholds', {type: 'button', 'data-needs': 'producer', onclick: () => { inputs.forEach(i => { i.value = ''; }); }}, 'Clear (back to the defaults)'),
                h('span.muted', {}, ` version ${etag ?? '?'}`))),
        p, c);
}

// The video provider: where takes are sent and whether a key is set. The key itself never leaves the server.
async function provider() {
    try {
        const p = await get('provider');
        return h('section#provider', {}, h('h3', {}, 'Provider ', h('span.muted', {}, '(set by configuration)')),
            h('p', {}, 'Base URL ', h('code#provider-url', {}, p.baseUrl ?? '—'), ' · API key ',
                h('strong#provider-key', {dataset: {set: String(Boolean(p.keySet))}}, p.keySet ? 'set' : 'not set'),
                h('span.muted', {}, ' (never shown)')));
    } catch (e) {
        return h('section#provider', {}, h('h3', {}, 'Provider'), h('p.muted', {}, e.message));
    }
}

// The model catalog, read-only: it changes by configuration (dailies.catalog.file), not through the API.
async function catalog() {
    const models = await all('models');
    const price = m => Object.entries(m.pricePerSecond).map(([size, p]) => `${size}: ${usd(p.sync)}/s (batch ${usd(p.batch)}/s)`).join(' · ');
    return h('section#catalog', {}, h('h3', {}, 'Model catalog ', h('span.muted', {}, '(read-only; set by configuration)')),
        table(['Model', 'Sizes', 'Seconds', 'Price per second', 'Requests / min', 'At once', 'Longest prompt', 'Characters', 'Defaults'],
            models.map(m => h('tr', {dataset: {model: m.name}}, h('td', {}, m.name), h('td', {}, m.sizes.join(', ')), h('td', {}, m.seconds.join(', ')),
                h('td', {}, price(m)), h('td', {}, m.requestsPerMinute), h('td', {}, m.maxConcurrentGenerations), h('td', {}, m.maxPromptLength),
                h('td', {}, m.maxCharacters), h('td', {}, `${m.defaultSize}, ${m.defaultSeconds} s`))), 'catalog'));
}
