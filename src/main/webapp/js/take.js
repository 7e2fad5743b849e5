// Take review: the take plays from the server (Range requests, so seeking works), the prompt and its diff,
// each criterion with what was measured and why it failed, verdicts with a note (A accept, V review,
// R retake; reviewer), a retake with one named change (producer), and a second take of the same shot side by side.
import {all, ApiError, can, CRITERIA, fail, get, h, leave, page, post, say, scoreCell, status, table, usd,
    verdictBadge, when} from './lib.js';

const player = (take, id) => h('figure.player', {},
    h('video', {id, src: `api/takes/${take.id}/video`, controls: true, preload: 'auto', playsInline: true,
        poster: `api/takes/${take.id}/thumbnail`}),
    h('figcaption', {}, `take #${take.id} · ${take.status} · ${usd(take.costUsd)} · `, verdictBadge(take.verdict)));

export async function review(runId, takeId, shotId) {
    // With the shot's id (links from the grid and the run carry it) only that shot's take is read.
    const [run, takes] = await Promise.all([get(`runs/${runId}`),
        shotId ? page(`runs/${runId}/takes?shot=${shotId}`, 100).then(p => p.items) : all(`runs/${runId}/takes`)]);
    const take = takes.find(t => t.id === takeId);
    if (!take) throw new ApiError(404, `Take ${takeId} is not in run ${runId}.`);
    const [versions, diff, reviews, thresholds] = await Promise.all([
        page(`shots/${take.shotId}/prompts`, 1000).then(p => p.items),
        get(`shots/${take.shotId}/prompts/diff`).catch(e => ({error: e.message})),
        get(`takes/${takeId}/reviews`).catch(() => []),
        get(`projects/${run.projectId}/thresholds`).catch(() => null)]);
    const passMark = thresholds?.effective?.passMark ?? 70;
    const latest = versions[versions.length - 1];
    const sc = take.score;

    const note = h('textarea#review-note', {rows: 3, cols: 50, placeholder: 'note (Esc, then A / V / R)', 'data-needs': 'reviewer',
        onkeydown: e => { if (e.key === 'Escape') e.target.blur(); }});
    const give = async verdict => {
        try {
            // The reviewer is the signed-in user: the server takes it from the session.
            await post(`takes/${takeId}/reviews`, {verdict, notes: note.value.trim() || null});
            say(`${verdict} recorded for ${take.sequence}-${take.shot}.`);
            await review(runId, takeId, take.shotId);
        } catch (e) { fail(e); }
    };
    const change = h('input#retake-change', {placeholder: 'one change, e.g. same shot, switch to 85 mm', size: 45});
    const retakeOut = h('div#retake-result');
    const retake = async () => {
        try {
            const r = await post(`shots/${take.shotId}/retakes`, {change: change.value.trim()});
            retakeOut.replaceChildren(h('p', {}, `Prompt version ${r.version}: ${r.change}`, r.lintErrors ? ` — ${r.lintErrors} lint error(s)` : ''),
                h('pre.diff', {}, r.diff));
            say(`New prompt version ${r.version}; the next run renders it.`);
        } catch (e) { fail(e); }
    };

    const compareBox = h('div#compare');
    const compare = async () => {
        compareBox.replaceChildren(h('progress.bar'), ' looking for other takes of this shot…');
        try {
            const runs = await page(`runs?project=${run.projectId}`, 20);
            const found = await Promise.all(runs.items.map(r => page(`runs/${r.id}/takes?shot=${take.shotId}`, 100).then(p => p.items.map(t => ({t, r})))));
            const others = found.flat().filter(({t}) => t.id !== takeId && t.storedAt);
            if (!others.length) return compareBox.replaceChildren(h('p.muted', {}, 'No other stored take of this shot.'));
            const slot = h('div.slot');
            const pick = h('select#compare-take', {onchange: () => show(others[pick.value])},
                others.map((o, i) => h('option', {value: i}, `take #${o.t.id} (run #${o.r.id}, ${o.t.verdict ?? o.t.status})`)));
            const show = o => slot.replaceChildren(player(o.t, 'video-b'), h('a', {href: `#/takes/${o.r.id}/${o.t.id}/${o.t.shotId}`}, 'open this take'));
            const together = () => {
                const a = document.getElementById('video-a');
                const b = document.getElementById('video-b');
                b.currentTime = a.currentTime;
                if (a.paused) { a.play(); b.play(); } else { a.pause(); b.pause(); }
            };
            compareBox.replaceChildren(h('label', {}, 'Beside it: ', pick), ' ', h('button#play-both', {onclick: together}, 'Play / pause both'), slot);
            show(others[0]);
        } catch (e) { fail(e); }
    };

    leave(); // a redraw after a verdict replaces the key handler, it does not add a second one
    const onKey = e => {
        if (e.target.matches('input, textarea, select') || e.ctrlKey || e.metaKey || e.altKey) return;
        const verdict = can('reviewer') ? {a: 'ACCEPT', v: 'REVIEW', r: 'RETAKE'}[e.key.toLowerCase()] : undefined;
        if (verdict) { e.preventDefault(); give(verdict); }
        else if (e.key === ' ') { e.preventDefault(); const v = document.getElementById('video-a'); v.paused ? v.play() : v.pause(); }
    };
    document.addEventListener('keydown', onKey);
    window.dailiesCleanup.push(() => document.removeEventListener('keydown', onKey));

    const measurements = Object.entries(sc?.measurements ?? {});
    document.getElementById('view').replaceChildren(
        h('h2', {}, `${take.sequence}-${take.shot} `, h('span.muted', {}, `take #${take.id} of run `, h('a', {href: `#/runs/${runId}`}, `#${runId}`), ` (${run.project})`)),
        h('p.links', {}, h('a', {href: `#/projects/${run.projectId}`}, 'shot grid'), ' · ', h('a', {href: `#/runs/${runId}`}, 'the run')),
        h('div.review-layout', {},
            h('div.media', {},
                h('div.pair', {}, take.storedAt ? player(take, 'video-a') : h('p.muted', {}, `No video: the take is ${take.status}${take.failure ? ' — ' + take.failure : ''}.`),
                    compareBox),
                h('p', {}, h('button#compare-button', {onclick: compare}, 'Compare with another take of this shot'))),
            h('div.judge', {},
                h('h3', {}, 'Verdict ', h('span#take-verdict', {}, verdictBadge(take.verdict))),
                take.review ? h('p.muted', {}, `Last review: ${take.review.verdict} by ${take.review.reviewer ?? '?'} ${when(take.review.reviewedAt)} — ${take.review.notes ?? ''}`) : '',
                note,
                h('div.verdict-buttons', {'data-needs': 'reviewer'},
                    h('button#accept-button.accept', {onclick: () => give('ACCEPT'), title: 'A'}, 'Accept (A)'),
                    h('button#review-button.review', {onclick: () => give('REVIEW'), title: 'V'}, 'Review (V)'),
                    h('button#retake-button.retake', {onclick: () => give('RETAKE'), title: 'R'}, 'Retake (R)')),
                h('div.retake-form', {'data-needs': 'producer'}, h('h3', {}, 'Retake with one change'),
                    h('p', {}, change, ' ', h('button#retake-change-button', {onclick: retake}, 'Make new prompt')), retakeOut),
                h('h3', {}, 'Criteria'),
                sc ? table(['Criterion', 'Score', 'Why'], [
                    ...CRITERIA.map(([k, label]) => h('tr', {}, h('td', {}, label), scoreCell(sc[k], passMark), h('td.why', {}, sc.notes?.[k] ?? ''))),
                    h('tr', {}, h('td', {}, 'Overall'), scoreCell(sc.overall, passMark), h('td', {}, `automated verdict ${sc.verdict ?? ''}`)),
                    sc.judgePromptAdherence != null ? h('tr', {}, h('td', {}, 'Judge: adherence / realism'), h('td', {}, `${sc.judgePromptAdherence} / ${sc.judgePhysicalRealism}`), h('td', {}, '')) : '',
                ], 'criteria') : h('p.muted', {}, 'Not scored yet.'),
                sc?.recommendations ? h('p.recommendations', {}, sc.recommendations) : '',
                measurements.length ? h('details', {}, h('summary', {}, 'Measurements'),
                    table(['Measure', 'Value'], measurements.map(([k, v]) => h('tr', {}, h('td', {}, k), h('td', {}, typeof v === 'number' ? +v.toFixed(4) : String(v)))))) : '')),
        h('h3', {}, `Prompt (version ${latest?.number ?? '?'})`),
        h('pre.prompt', {}, latest?.text ?? ''),
        h('h3', {}, 'Diff to the previous version'),
        diff.error ? h('p.muted', {}, diff.error) : h('div', {}, h('p.muted', {}, `v${diff.from} → v${diff.to}`), h('pre.diff', {}, diff.diff || diff.words || 'no change')),
        reviews.length ? h('div', {}, h('h3', {}, 'Reviews'), table(['When', 'Verdict', 'Reviewer', 'Source', 'Notes'],
            reviews.map(r => h('tr', {}, h('td', {}, when(r.reviewedAt)), h('td', {}, verdictBadge(r.verdict)), h('td', {}, r.reviewer ?? ''),
                h('td', {}, r.source ?? ''), h('td', {}, r.notes ?? ''))))) : '',
        h('p.muted', {}, can('reviewer') ? 'Keys: A accept · V review · R retake · Space play/pause. Status ' : 'Keys: Space play/pause. Status ', status(take.status)));
}
