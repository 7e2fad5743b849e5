// Runs and jobs: start a run with its parameters, follow every active run live over server-sent events (the
// page never polls), stop, restart or abandon where the run's state allows (producer), cost so far against the
// estimate and the budget, the report, and every job execution of the repository.
import {all, fail, get, h, leave, page, post, progressBar, say, status, table, updateProgress, usd, when} from './lib.js';

const ACTIVE = ['QUEUED', 'RUNNING'];

/** Follows a run's events until the stream ends; onRun gets the run JSON of each "progress" event. */
function live(runId, onRun) {
    const source = new EventSource(`api/runs/${runId}/events`, {withCredentials: true});
    source.addEventListener('progress', e => onRun(JSON.parse(e.data)));
    // The server closes the stream when the run ends; EventSource would reconnect, so it is closed here.
    // An EventSource cannot tell a 401 from an end: the session is read, which goes to sign-in if it has ended.
    source.onerror = () => { source.close(); get('session').catch(() => { /* a 401 has gone to the sign-in page */ }); };
    window.dailiesCleanup.push(() => source.close());
    return source;
}

const progressOf = r => progressBar(r.done, r.total, `${r.done} / ${r.total} shots`);

function actions(r, after) {
    const act = (label, path, cls, confirmation) => h('button.' + cls, {'data-needs': 'producer', onclick: async e => {
        if (confirmation && !confirm(confirmation)) return;
        e.target.disabled = true;
        try { await post(path); say(`Run #${r.id}: ${label.toLowerCase()} asked.`); await after(); } catch (err) { fail(err); e.target.disabled = false; }
    }}, label);
    // An abandoned run keeps its STOPPED or FAILED status, with who abandoned it and when: never restarted.
    const ended = ['FAILED', 'STOPPED'].includes(r.status) && !r.abandonedAt;
    return h('span.run-actions', {},
        r.abandonedAt ? h('span.abandoned.muted', {}, `abandoned${r.abandonedBy ? ' by ' + r.abandonedBy : ''} ${when(r.abandonedAt)} `) : '',
        ACTIVE.includes(r.status) ? act('Stop', `runs/${r.id}/stop`, 'stop-run') : '',
        ended ? act('Restart', `runs/${r.id}/restart`, 'restart-run') : '',
        ended ? act('Abandon', `runs/${r.id}/abandon`, 'abandon-run',
            `Abandon run #${r.id}? It can no longer be restarted; its takes and their costs stay.`) : '',
        r.report && r.status === 'COMPLETED' ? h('a.report-link', {href: r.report.replace(/^\//, '')}, 'report.xlsx') : '');
}

// HTTP/1.1 allows a browser six connections to a host: the list follows at most three runs live at once.
let streams = 0;
function runRow(r) {
    const row = h('tr', {dataset: {id: r.id, status: r.status}});
    const fill = run => row.replaceChildren(
        h('td', {}, h('a', {href: `#/runs/${run.id}`}, run.id)),
        h('td', {}, h('a', {href: `#/projects/${run.projectId}`}, run.project)),
        h('td', {}, run.mode ?? ''), h('td', {}, status(run.status)), h('td', {}, progressOf(run)),
        h('td', {}, when(run.createdAt)), h('td', {}, actions(run, runs), run.failure ? h('span.failure', {}, ' ' + run.failure) : ''));
    fill(r);
    if (ACTIVE.includes(r.status) && streams < 3) {
        streams++;
        const source = live(r.id, run => { row.dataset.status = run.status; fill(run); });
        source.addEventListener('error', () => { streams--; }, {once: true});
    }
    return row;
}

export async function runs() {
    leave();
    streams = 0;
    const [list, projects] = await Promise.all([page('runs', 50), page('projects', 500)]);
    const chosen = sessionStorage.getItem('dailies-run-project');
    const project = h('select#run-project', {}, projects.items.map(p => h('option', {value: p.id, selected: String(p.id) === chosen}, `${p.name} (${p.shots} shots)`)));
    const mode = h('select#run-mode', {},
        h('option', {value: 'auto'}, 'default rule (Batch API above 100 takes)'),
        h('option', {value: 'sync'}, 'one create call per take'),
        h('option', {value: 'batch'}, 'the Batch API (half price, slower)'));
    const concurrency = h('input#run-concurrency', {type: 'number', min: 1, max: 64, placeholder: 'default', size: 6});
    const judge = h('input#run-judge', {type: 'checkbox'});
    const estimate = h('span#run-estimate.muted');
    const showEstimate = async () => {
        if (!project.value) return;
        sessionStorage.setItem('dailies-run-project', project.value);
        try {
            const [e, p] = await Promise.all([get(`projects/${project.value}/estimate`), get(`projects/${project.value}`)]);
            estimate.textContent = `estimate ${usd(e.totalSyncUsd)} sync, ${usd(e.totalBatchUsd)} Batch API · budget ${usd(p.budgetUsd)}` +
                (e.unpriced?.length ? ` · ${e.unpriced.length} shots unpriced` : '');
        } catch (err) { estimate.textContent = err.message; }
    };
    project.addEventListener('change', showEstimate);
    const start = async e => {
        e.target.disabled = true;
        const q = new URLSearchParams({mode: mode.value});
        if (concurrency.value) q.set('concurrency', concurrency.value);
        if (judge.checked) q.set('judge', 'true');
        try {
            const r = await post(`projects/${project.value}/runs?${q}`);
            location.hash = `#/runs/${r.id}`;
        } catch (err) { fail(err); e.target.disabled = false; }
    };
    document.getElementById('view').replaceChildren(
        h('section#start-section', {'data-needs': 'producer'},
            h('h2', {}, 'Start a run'),
            projects.items.length ? h('div.start-form', {},
                h('label', {}, 'Project ', project), ' ', h('label', {}, 'Mode ', mode), ' ',
                h('label', {}, 'Concurrency ', concurrency), ' ', h('label', {title: 'ask a judge model for a second opinion'}, judge, ' judge'), ' ',
                h('button#start-run.start-run', {onclick: start}, 'Start run'), ' ', estimate)
                : h('p', {}, 'No project yet: ', h('a', {href: '#/imports'}, 'import a shot list'), '.')),
        h('h2', {}, 'Runs'),
        table(['#', 'Project', 'Mode', 'Status', 'Progress', 'Started', ''], list.items.map(runRow), 'runs'),
        list.total > list.items.length ? h('p.list-count', {}, `The newest ${list.items.length} of ${list.total} runs.`) : '');
    await showEstimate();
}

export async function run(id) {
    leave(); // a redraw after stop or restart follows one stream, not two
    const r = await get(`runs/${id}`);
    const [project, estimate] = await Promise.all([get(`projects/${r.projectId}`), get(`projects/${r.projectId}/estimate`).catch(() => null)]);
    const bar = progressOf(r);
    bar.id = 'run-progress';
    bar.dataset.events = '0';
    const statusBox = h('span#run-status', {}, status(r.status));
    const actionBox = h('span#run-actions', {}, actions(r, () => run(id)));
    const costBox = h('p#run-cost');
    const takesBox = h('div#run-takes');
    const counts = h('span#run-counts.muted');
    const stepsBox = h('div#run-steps');
    const showSteps = async current => current.jobExecutionId
        ? stepsBox.replaceChildren(await stepsTable(current.jobExecutionId)) : stepsBox.replaceChildren(h('p.muted', {}, 'Not started.'));
    const planned = r.mode === 'batch' ? estimate?.totalBatchUsd : estimate?.totalSyncUsd;

    // The takes a page at a time; the cost so far adds every take's cost, read whole up to 2,000 takes.
    let takesOffset = 0;
    async function showTakes(current) {
        const [list, spent] = await Promise.all([page(`runs/${id}/takes`, 100, takesOffset),
            current.total <= 2000 ? all(`runs/${id}/takes`).then(ts => ts.reduce((s, t) => s + Number(t.costUsd ?? 0), 0)) : null]);
        const budget = project.budgetUsd;
        costBox.replaceChildren(spent === null ? 'Cost so far: in the report (too many takes to add up here)' : `Cost so far ${usd(spent)}`,
            ` of an estimated ${usd(planned)} (${current.mode ?? 'auto'})`,
            budget != null ? ` · project budget ${usd(budget)}` : ' · no budget set',
            budget != null && spent !== null ? h('span', {}, ' ', h('progress.bar.budget', {max: Number(budget) || 1, value: spent, title: 'spent of the budget'})) : '');
        const more = d => { takesOffset = Math.max(0, takesOffset + d); showTakes(current).catch(fail); };
        takesBox.replaceChildren(table(['Shot', 'Status', 'Overall', 'Verdict', 'Cost', 'Note', ''], list.items.map(t => h('tr', {dataset: {takeId: t.id}},
            h('td', {}, `${t.sequence}-${t.shot}`), h('td', {}, status(t.status)), h('td', {}, t.score?.overall ?? ''),
            h('td', {}, t.verdict ?? ''), h('td', {}, usd(t.costUsd)), h('td', {}, t.review?.notes ?? t.failure ?? ''),
            h('td', {}, t.storedAt ? h('a', {href: `#/takes/${id}/${t.id}/${t.shotId}`}, 'Review') : ''))), 'takes'),
            list.total > list.items.length ? h('p.pager', {}, takesOffset > 0 ? h('button', {onclick: () => more(-100)}, '← previous') : '',
                ` takes ${takesOffset + 1}–${takesOffset + list.items.length} of ${list.total} `,
                takesOffset + 100 < list.total ? h('button', {onclick: () => more(100)}, 'next →') : '') : '');
    }
    const show = current => {
        updateProgress(bar, current.done, current.total);
        bar.dataset.status = current.status;
        statusBox.replaceChildren(status(current.status));
        actionBox.replaceChildren(actions(current, () => run(id)));
        counts.textContent = Object.entries(current.takes || {}).map(([k, v]) => `${k} ${v}`).join(' · ');
    };
    document.getElementById('view').replaceChildren(
        h('h2', {}, `Run #${id} `, h('span.muted', {}, 'of '), h('a', {href: `#/projects/${r.projectId}`}, r.project), ' ', statusBox),
        h('p', {}, bar, ' ', counts),
        h('p', {}, `mode ${r.mode ?? 'auto'} · concurrency ${r.concurrency} · judge ${r.judge ? 'on' : 'off'} · started ${when(r.createdAt)}`,
            r.finishedAt ? ` · ended ${when(r.finishedAt)}` : '', r.failure ? h('span.failure', {}, ' · ' + r.failure) : ''),
        h('p', {}, actionBox),
        costBox,
        (r.batches || []).length ? table(['Purpose', 'Batch', 'Status', 'Done', 'Failed'], r.batches.map(b => h('tr', {},
            h('td', {}, b.purpose), h('td', {}, b.batchId ?? ''), h('td', {}, b.status ?? ''), h('td', {}, `${b.completed} / ${b.total}`), h('td', {}, b.failed)))) : '',
        h('h3', {}, 'Steps'), stepsBox,
        h('h3', {}, 'Takes'), takesBox);
    show(r);
    await Promise.all([showTakes(r), showSteps(r)]);
    if (ACTIVE.includes(r.status)) {
        let lastDone = r.done;
        let latest = r;
        let pending = null;
        window.dailiesCleanup.push(() => clearTimeout(pending));
        live(id, current => {
            bar.dataset.events = String(Number(bar.dataset.events) + 1);
            show(current);
            // The takes table and cost follow the run's progress, not a timer.
            // At most one refresh every two seconds however fast the events come, and always the last one.
            if (current.done !== lastDone || !ACTIVE.includes(current.status)) {
                lastDone = current.done;
                latest = current;
                if (!ACTIVE.includes(current.status)) { // the last event: its state at once, not a refresh later
                    clearTimeout(pending);
                    pending = null;
                    showTakes(current).catch(fail);
                    showSteps(current).catch(fail);
                } else if (!pending) {
                    pending = setTimeout(() => {
                        pending = null;
                        showTakes(latest).catch(fail);
                        showSteps(latest).catch(fail);
                    }, 2000);
                }
            }
        });
    }
}

/** A job execution's steps with their counts (GET /api/jobs/{executionId}/steps). */
async function stepsTable(executionId) {
    const steps = await all(`jobs/${executionId}/steps`);
    return steps.length ? table(['Step', 'Status', 'Exit', 'Read', 'Written', 'Filtered', 'Commits', 'Rollbacks', 'Skipped (read / process / write)', 'Start', 'End'],
        steps.map(s => h('tr', {dataset: {step: s.step}}, h('td', {}, s.step), h('td', {}, status(s.batchStatus)), h('td', {}, s.exitStatus ?? ''),
            h('td.read', {}, s.read), h('td.write', {}, s.write), h('td', {}, s.filter), h('td.commit', {}, s.commit), h('td', {}, s.rollback),
            h('td', {}, `${s.readSkip} / ${s.processSkip} / ${s.writeSkip}`), h('td', {}, when(s.start)), h('td', {}, when(s.end)))), 'steps')
        : h('p.muted', {}, 'No step has started.');
}

export async function jobs(state = {job: '', status: '', offset: 0}) {
    const q = new URLSearchParams();
    if (state.job) q.set('job', state.job);
    if (state.status) q.set('status', state.status);
    const list = await page(`jobs?${q}`, 100, state.offset);
    const again = change => jobs({...state, ...change}).catch(fail);
    document.getElementById('view').replaceChildren(
        h('h2', {}, 'Job executions'),
        h('div.filters', {},
            h('label', {}, 'Job ', h('select#job-filter', {onchange: e => again({job: e.target.value, offset: 0})},
                [['', 'all'], ['render-run', 'render-run'], ['shotlist-import', 'shotlist-import']].map(([v, t]) => h('option', {value: v, selected: v === state.job}, t)))),
            ' ', h('label', {}, 'Status ', h('select#job-status', {onchange: e => again({status: e.target.value, offset: 0})},
                ['', 'STARTING', 'STARTED', 'STOPPING', 'STOPPED', 'COMPLETED', 'FAILED', 'ABANDONED'].map(v => h('option', {value: v, selected: v === state.status}, v || 'all'))))),
        table(['Job', 'Instance', 'Execution', 'Batch status', 'Exit status', 'Parameters', 'Start', 'End', ''], list.items.map(j => {
            const box = h('td', {colSpan: 9});
            const more = h('tr.steps-row', {hidden: true}, box);
            const toggle = async () => {
                if (!more.hidden) { more.hidden = true; return; }
                try { box.replaceChildren(await stepsTable(j.executionId)); more.hidden = false; } catch (e) { fail(e); }
            };
            return [h('tr', {dataset: {execution: j.executionId}},
                h('td', {}, j.job), h('td', {}, j.instanceId), h('td', {}, j.executionId), h('td', {}, status(j.batchStatus)),
                h('td', {}, j.exitStatus ?? ''), h('td.params', {}, j.parameters ?? ''), h('td', {}, when(j.start)), h('td', {}, when(j.end)),
                h('td', {}, h('button.steps-button', {onclick: toggle}, 'Steps'))), more];
        }), 'jobs'),
        h('p.pager', {}, state.offset > 0 ? h('button', {onclick: () => again({offset: Math.max(0, state.offset - 100)})}, '← newer') : '',
            ` ${list.total} executions `, state.offset + 100 < list.total ? h('button', {onclick: () => again({offset: state.offset + 100})}, 'older →') : ''),
        h('p.muted', {}, 'A stopped or failed run is restarted or abandoned from its page (Runs).'));
}
