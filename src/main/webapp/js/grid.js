// The shot grid of a project: per shot the selected take (the newest run's), its thumbnail, status, the five
// scores coloured against the project's pass mark, verdict, lint badges and cost; filters; bulk actions on
// the selected shots: verdicts (reviewer), render them in a new run, omit them or bring them back (producer).
import {call, CRITERIA, fail, get, h, lintBadges, page, post, progressBar, say, scoreCell, status,
    updateProgress, usd, verdictBadge} from './lib.js';

const PAGE = 100;
const RUNS = 5; // the newest runs whose takes are looked at

export async function grid(projectId, state = {offset: 0, sequence: '', status: '', verdict: '', lint: '', omitted: 'false', sequences: null}) {
    const seqQuery = (state.sequence ? `&sequence=${encodeURIComponent(state.sequence)}` : '')
        + (state.omitted ? `&omitted=${state.omitted}` : '');
    const [project, runs, thresholds, shots] = await Promise.all([
        get(`projects/${projectId}`),
        page(`runs?project=${projectId}`, RUNS),
        get(`projects/${projectId}/thresholds`).catch(() => null),
        page(`projects/${projectId}/shots?${seqQuery.slice(1)}`, PAGE, state.offset)]);
    const passMark = thresholds?.effective?.passMark ?? 70;
    // Only the takes of this page's shots are asked for, so a page costs the same in a project of any size.
    const ids = shots.items.map(s => s.id).join(',');
    const perRun = ids ? await Promise.all(runs.items.map(run => page(`runs/${run.id}/takes?shot=${ids}`, PAGE).then(p => ({run, takes: p.items})))) : [];
    const takeOf = new Map(); // shot id → {take, run}: the newest run's take is the selected one
    for (const {run, takes} of perRun) {
        for (const t of takes) {
            if (!takeOf.has(t.shotId)) takeOf.set(t.shotId, {take: t, run});
        }
    }
    state.sequences ??= [...new Set(shots.items.map(s => s.sequence))];
    const sequences = [...new Set([...state.sequences, ...shots.items.map(s => s.sequence)])];

    const keep = s => {
        const t = takeOf.get(s.id)?.take;
        if (state.status && (t?.status ?? 'NOT_RENDERED') !== state.status) return false;
        if (state.verdict && (t?.verdict ?? '') !== state.verdict) return false;
        if (state.lint === 'errors' && !s.lintErrors) return false;
        if (state.lint === 'warnings' && !s.lintWarnings) return false;
        if (state.lint === 'clean' && (s.lintErrors || s.lintWarnings)) return false;
        return true;
    };
    const shown = shots.items.filter(keep);
    const again = change => grid(projectId, {...state, ...change}).catch(fail);
    const select = (id, label, value, options, onchange) => h('label', {}, label + ' ',
        h('select#' + id, {onchange: e => onchange(e.target.value)},
            options.map(([v, t]) => h('option', {value: v, selected: v === value}, t))));

    const rows = shown.map(s => {
        const sel = takeOf.get(s.id);
        const t = sel?.take;
        const sc = t?.score;
        return h('tr.shot-row' + (s.omitted ? '.omitted' : ''), {dataset: {shotId: s.id, takeId: t?.id ?? '', runId: sel?.run.id ?? '', shot: `${s.sequence}-${s.shot}`}},
            h('td', {}, h('input.pick', {type: 'checkbox', 'data-needs': 'reviewer', title: t ? '' : 'no take yet: render it (producer)'})),
            h('td.thumb', {}, t?.storedAt ? h('a', {href: `#/takes/${sel.run.id}/${t.id}/${s.id}`},
                h('img', {src: `api/takes/${t.id}/thumbnail`, loading: 'lazy', alt: `${s.sequence}-${s.shot}`, width: 96})) : ''),
            h('td', {}, s.sequence), h('td.shot-code', {}, s.shot, s.omitted ? h('span.muted', {}, ' omitted') : ''),
            h('td', {}, t ? status(t.status) : h('span.muted', {}, 'not rendered')),
            CRITERIA.map(([k]) => scoreCell(sc?.[k], passMark)),
            scoreCell(sc?.overall, passMark),
            h('td.verdict-cell', {}, verdictBadge(t?.verdict)),
            h('td.lint-cell', {}, lintBadges(s.lint)),
            h('td', {}, t ? usd(t.costUsd) : h('span.muted', {title: 'estimate, sync'}, usd(s.estimate?.syncUsd))),
            h('td.note-cell', {}, t?.review?.notes ?? ''),
            h('td', {}, t ? h('a.review-link', {href: `#/takes/${sel.run.id}/${t.id}/${s.id}`}, 'Review') : ''));
    });

    const note = h('input#bulk-note', {placeholder: 'note for the selection', size: 30});
    const bar = h('span#bulk-progress.bulk-progress', {hidden: true});
    const picked = () => [...document.querySelectorAll('tr.shot-row input.pick:checked')].map(c => c.closest('tr').dataset);
    // Each bulk action shows its progress, then the outcome or the server's problem detail.
    const running = (total, label) => {
        const p = progressBar(0, total, label);
        bar.replaceChildren(p);
        bar.hidden = false;
        return p;
    };
    const bulk = async verdict => {
        const rows = picked();
        const takes = rows.filter(r => r.takeId).map(r => r.takeId);
        if (!rows.length) return say('Select shots first (their checkboxes).', 'error');
        if (!takes.length) return say('None of the selected shots has a take yet: render them first.', 'error');
        const p = running(takes.length, `0 / ${takes.length} takes`);
        let done = 0;
        try {
            for (const id of takes) {
                await post(`takes/${id}/reviews`, {verdict, notes: note.value.trim() || null});
                updateProgress(p, ++done, takes.length, `${done} / ${takes.length} takes`);
            }
            const skipped = rows.length - takes.length;
            say(`${verdict} given to ${done} take${done > 1 ? 's' : ''}.` + (skipped ? ` ${skipped} selected shot${skipped > 1 ? 's have' : ' has'} no take yet.` : ''));
            await again({});
        } catch (e) { fail(e); }
    };
    // One run that renders just the selected shots (POST /api/projects/{id}/runs {"shots": [...]}).
    const render = async () => {
        const shots = picked().map(r => Number(r.shotId));
        if (!shots.length) return say('Select shots first (their checkboxes).', 'error');
        const p = running(null, `starting a run of ${shots.length} shot${shots.length > 1 ? 's' : ''}…`);
        try {
            const r = await post(`projects/${projectId}/runs`, {shots});
            updateProgress(p, 1, 1, `run #${r.id} ${r.status}`);
            bar.append(' ', h('a#bulk-run-link', {href: `#/runs/${r.id}`}, `follow run #${r.id}`));
            say(`Run #${r.id} started for ${shots.length} shot${shots.length > 1 ? 's' : ''}.`);
        } catch (e) { bar.hidden = true; fail(e); }
    };
    // Omit the selected shots (a run leaves them out) or bring them back.
    const omit = async omitted => {
        const shots = picked().map(r => Number(r.shotId));
        if (!shots.length) return say('Select shots first (their checkboxes).', 'error');
        const p = running(null, `${omitted ? 'omitting' : 'bringing back'} ${shots.length} shot${shots.length > 1 ? 's' : ''}…`);
        try {
            const {body} = await call(`projects/${projectId}/shots/omit`, {method: 'POST', json: {shots, omitted}});
            const n = body?.changed ?? shots.length;
            updateProgress(p, 1, 1, `${n} changed`);
            say(`${n} shot${n === 1 ? '' : 's'} ${omitted ? 'omitted' : 'brought back'}.`);
            await again({});
        } catch (e) { bar.hidden = true; fail(e); }
    };

    document.getElementById('view').replaceChildren(
        h('h2', {}, project.name, ' ', h('span.muted', {}, `shot grid · ${project.shots} shots · budget ${usd(project.budgetUsd)}`)),
        h('p.links', {}, h('a', {href: '#/runs', onclick: () => sessionStorage.setItem('dailies-run-project', projectId)}, 'Runs'), ' · ',
            h('a', {href: `#/settings/${projectId}`}, 'Settings'), ' · ', h('a', {href: `#/schedules/${projectId}`}, 'Schedules'), ' · ',
            h('a', {href: `api/projects/${projectId}/workbook`}, 'Your workbook with results')),
        h('div.filters', {},
            select('filter-sequence', 'Sequence', state.sequence, [['', 'all'], ...sequences.map(s => [s, s])], v => again({sequence: v, offset: 0})),
            select('filter-status', 'Status', state.status, [['', 'all'], ...['NOT_RENDERED', 'PLANNED', 'SUBMITTING', 'GENERATING', 'STORED', 'SCORED', 'FAILED'].map(s => [s, s])], v => again({status: v})),
            select('filter-verdict', 'Verdict', state.verdict, [['', 'all'], ...['ACCEPT', 'REVIEW', 'RETAKE'].map(s => [s, s])], v => again({verdict: v})),
            select('filter-lint', 'Lint', state.lint, [['', 'all'], ['errors', 'with errors'], ['warnings', 'with warnings'], ['clean', 'clean']], v => again({lint: v})),
            select('filter-omitted', 'Shots', state.omitted, [['false', 'in the film'], ['true', 'omitted'], ['', 'all']], v => again({omitted: v, offset: 0}))),
        h('div.bulk', {'data-needs': 'reviewer'},
            h('label', {}, h('input#pick-all', {type: 'checkbox', onchange: e => document.querySelectorAll('tr.shot-row input.pick').forEach(c => { c.checked = e.target.checked; })}), ' all'),
            ' Selection: ', h('button#bulk-accept.accept', {onclick: () => bulk('ACCEPT')}, 'Accept'),
            h('button#bulk-review.review', {onclick: () => bulk('REVIEW')}, 'Review'),
            h('button#bulk-retake.retake', {onclick: () => bulk('RETAKE')}, 'Retake'), note,
            h('span.producer-actions', {'data-needs': 'producer'},
                h('button#bulk-render', {onclick: render, title: 'a new run of the selected shots only'}, 'Render'),
                h('button#bulk-omit', {onclick: () => omit(true), title: 'leave the selected shots out of runs'}, 'Omit'),
                h('button#bulk-bring-back', {onclick: () => omit(false), title: 'put omitted shots back in the film'}, 'Bring back')),
            bar),
        h('table.grid', {},
            h('thead', {}, h('tr', {}, ['', 'Take', 'Seq', 'Shot', 'Status', ...CRITERIA.map(c => c[1]), 'Overall', 'Verdict', 'Lint', 'Cost', 'Note', '']
                .map(t => h('th', {}, t)))),
            h('tbody', {}, rows)),
        h('p.pager', {},
            state.offset > 0 ? h('button', {onclick: () => again({offset: Math.max(0, state.offset - PAGE)})}, '← previous') : '',
            ` shots ${shots.total ? state.offset + 1 : 0}–${state.offset + shots.items.length} of ${shots.total}`,
            shown.length < shots.items.length ? ` (${shown.length} shown by the filters)` : '', ' ',
            state.offset + PAGE < shots.total ? h('button', {onclick: () => again({offset: state.offset + PAGE})}, 'next →') : ''));
}
