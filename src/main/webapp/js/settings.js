// Settings of a project: its scoring thresholds (saved with If-Match, so a change made meanwhile is not
// overwritten) and its budget, which the API shows but takes from the workbook's Settings sheet.
import {all, ApiError, call, fail, h, projectPicker, say, table, usd} from './lib.js';

export async function settings(projectId) {
    const {projects, pick} = await projectPicker('settings-project', projectId, '#/settings');
    const view = document.getElementById('view');
    if (!projectId) {
        view.replaceChildren(h('h2', {}, 'Settings'), h('p', {}, h('label', {}, 'Project ', pick)), await catalog());
        return;
    }
    const project = projects.find(p => p.id === projectId) ?? (await call(`projects/${projectId}`)).body;
    const {body: t, response} = await call(`projects/${projectId}/thresholds`);
    const etag = response.headers.get('ETag');
    const names = Object.keys(t.effective);
    const inputs = new Map(names.map(n => [n, h('input', {name: n, type: 'number', step: 'any', size: 8,
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
    view.replaceChildren(
        h('h2', {}, 'Settings'), h('p', {}, h('label', {}, 'Project ', pick)),
        h('h3', {}, 'Budget'),
        h('p', {}, `${usd(project.budgetUsd)} — set by the workbook's Settings sheet on import; the API has no call to change it.`),
        h('h3', {}, 'Scoring thresholds'),
        h('form#thresholds-form', {onsubmit: save},
            table(['Threshold', 'In effect', 'Default', 'This project'], names.map(n => h('tr', {},
                h('td', {}, n), h('td', {}, String(t.effective[n])), h('td.muted', {}, String(t.defaults?.[n] ?? '')), h('td', {}, inputs.get(n)))), 'thresholds'),
            h('p', {}, h('button#save-thresholds', {type: 'submit'}, 'Save'), ' ',
                h('button', {type: 'button', onclick: () => { inputs.forEach(i => { i.value = ''; }); }}, 'Clear (back to the defaults)'),
                h('span.muted', {}, ` version ${etag ?? '?'}`))),
        await catalog());
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
