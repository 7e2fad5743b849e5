// Schedules of a project: the nightly windows, their firings, create, pause/resume and delete (producer); the
// morning dailies.
import {call, fail, h, page, post, projectPicker, say, status, table, usd, when} from './lib.js';

const DAYS = ['MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT', 'SUN'];

export async function schedules(projectId) {
    const {pick} = await projectPicker('schedules-project', projectId, '#/schedules');
    const view = document.getElementById('view');
    if (!projectId) {
        view.replaceChildren(h('h2', {}, 'Schedules'), h('p', {}, h('label', {}, 'Project ', pick)));
        return;
    }
    const [list, dailies] = await Promise.all([page(`projects/${projectId}/schedules`, 100), page(`projects/${projectId}/dailies`, 20).catch(() => ({items: []}))]);
    const reload = () => schedules(projectId).catch(fail);

    const days = DAYS.map(d => h('label.day', {}, h('input', {type: 'checkbox', value: d, checked: !['SAT', 'SUN'].includes(d)}), d));
    const start = h('input', {type: 'time', value: '22:00', required: true});
    const end = h('input', {type: 'time', value: '06:00', required: true});
    const zone = h('input#schedule-zone', {value: Intl.DateTimeFormat().resolvedOptions().timeZone, size: 18, required: true});
    const budget = h('input', {type: 'number', min: '0.01', step: '0.01', value: '40', size: 8, required: true});
    const mode = h('select', {}, ['auto', 'sync', 'batch'].map(m => h('option', {value: m}, m)));
    const shots = h('select', {}, ['pending', 'failed', 'all'].map(m => h('option', {value: m}, m)));
    const recipients = h('input', {placeholder: 'e-mail addresses, comma separated', size: 30});
    const create = async e => {
        e.preventDefault();
        try {
            await post(`projects/${projectId}/schedules`, {
                days: days.map(l => l.querySelector('input')).filter(i => i.checked).map(i => i.value),
                start: start.value, end: end.value, zone: zone.value.trim(), budgetUsd: Number(budget.value),
                mode: mode.value, shots: shots.value,
                recipients: recipients.value.split(',').map(s => s.trim()).filter(Boolean)});
            say('Schedule created.');
            reload();
        } catch (err) { fail(err); }
    };
    const pause = async s => {
        try {
            await call(`projects/${projectId}/schedules/${s.id}`, {method: 'PUT', headers: {'If-Match': `"${s.version}"`}, json: {
                days: s.days, start: s.start, end: s.end, zone: s.zone, budgetUsd: s.budgetUsd, mode: s.mode, shots: s.shots,
                recipients: s.recipients ?? [], paused: !s.paused}});
            reload();
        } catch (err) { fail(err); }
    };
    const remove = async s => {
        if (!confirm(`Delete schedule #${s.id}?`)) return;
        try { await call(`projects/${projectId}/schedules/${s.id}`, {method: 'DELETE'}); reload(); } catch (err) { fail(err); }
    };
    const firings = async (s, box) => {
        try {
            const f = await page(`projects/${projectId}/schedules/${s.id}/firings`, 50);
            box.replaceChildren(f.items.length ? table(['Night', 'Fired', 'Outcome', 'Run', 'Planned', 'Budget', 'Estimate', 'Run status', 'Dailies', 'Reason'],
                f.items.map(x => h('tr', {}, h('td', {}, x.windowDate), h('td', {}, when(x.firedAt)), h('td', {}, x.outcome ?? ''),
                    h('td', {}, x.runId ? h('a', {href: `#/runs/${x.runId}`}, x.runId) : ''), h('td', {}, x.planned),
                    h('td', {}, usd(x.budgetUsd)), h('td', {}, usd(x.estimateUsd)), h('td', {}, x.runStatus ? status(x.runStatus) : ''),
                    h('td', {}, x.dailies ? h('a', {href: x.dailies.replace(/^\//, '')}, 'dailies.xlsx') : ''), h('td', {}, x.reason ?? '')))) : h('p.muted', {}, 'No firing yet.'));
        } catch (err) { fail(err); }
    };

    view.replaceChildren(
        h('h2', {}, 'Schedules'), h('p', {}, h('label', {}, 'Project ', pick)),
        list.items.length ? table(['#', 'Days', 'Window', 'Zone', 'Budget', 'Mode', 'Shots', 'Next window', 'State', ''], list.items.map(s => {
            const box = h('div.firings');
            return [h('tr', {dataset: {id: s.id}},
                h('td', {}, s.id), h('td', {}, s.days.join(' ')), h('td', {}, `${s.start}–${s.end}`), h('td', {}, s.zone),
                h('td', {}, usd(s.budgetUsd)), h('td', {}, s.mode), h('td', {}, s.shots), h('td', {}, s.paused ? '' : when(s.nextWindowOpens)),
                h('td', {}, s.paused ? 'paused' : 'active'),
                h('td', {}, h('button.pause', {'data-needs': 'producer', onclick: () => pause(s)}, s.paused ? 'Resume' : 'Pause'), ' ',
                    h('button.firings-button', {onclick: () => firings(s, box)}, 'Firings'), ' ',
                    h('button.delete', {'data-needs': 'producer', onclick: () => remove(s)}, 'Delete'))),
                h('tr', {}, h('td', {colSpan: 10}, box))];
        }), 'schedules') : h('p.muted', {}, 'No schedule.'),
        h('section#new-schedule', {'data-needs': 'producer'},
            h('h3', {}, 'New schedule'),
            h('form#schedule-form', {onsubmit: create},
                h('p', {}, days), h('p', {}, h('label', {}, 'From ', start), ' ', h('label', {}, 'to ', end), ' ', h('label', {}, 'zone ', zone)),
                h('p', {}, h('label', {}, 'Night budget $', budget), ' ', h('label', {}, 'mode ', mode), ' ', h('label', {}, 'shots ', shots), ' ', recipients),
                h('button#create-schedule', {type: 'submit'}, 'Create'))),
        h('h3', {}, 'Morning dailies'),
        dailies.items.length ? h('ul', {}, h('li', {}, h('a', {href: `api/projects/${projectId}/dailies/latest`}, 'the latest')),
            dailies.items.map(d => h('li', {}, h('a', {href: (d.dailies ?? `/api/projects/${projectId}/dailies/${d.id}`).replace(/^\//, '')}, `${d.windowDate ?? d.night ?? d.id}`), ' ', d.outcome ?? '')))
            : h('p.muted', {}, 'No dailies yet.'));
}
