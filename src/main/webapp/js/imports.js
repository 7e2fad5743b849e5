// Imports: drop a workbook (or pick it; producer), watch the upload and the import job, read the issues and
// warnings, download the annotated workbook and the project's write-back.
import {fail, get, h, page, progressBar, say, status, table, updateProgress, upload, when} from './lib.js';

const FINISHED = ['COMPLETED', 'REJECTED', 'FAILED', 'STOPPED', 'ABANDONED'];

export async function imports(openId) {
    const {items, total} = await page('shotlists', 50);
    const input = h('input#upload-file', {type: 'file', accept: '.xlsx,.csv', hidden: true, onchange: () => input.files[0] && send(input.files[0])});
    const project = h('input#upload-project', {placeholder: 'project (from its Settings sheet, or the file name)', size: 36});
    const partial = h('input#upload-partial', {type: 'checkbox'});
    const progress = h('div#upload-progress');
    const detail = h('div#import-detail');
    const zone = h('div#drop-zone.drop-zone', {tabindex: 0, role: 'button',
        onclick: () => input.click(),
        onkeydown: e => (e.key === 'Enter' || e.key === ' ') && input.click(),
        ondragover: e => { e.preventDefault(); zone.classList.add('over'); },
        ondragleave: () => zone.classList.remove('over'),
        ondrop: e => {
            e.preventDefault();
            zone.classList.remove('over');
            const file = e.dataTransfer?.files?.[0];
            if (file) send(file); else say('Drop a workbook file (.xlsx or .csv).', 'error');
        }}, h('strong', {}, 'Drop a shot list here'), ' or click to choose one (.xlsx, .csv)', input);

    async function send(file) {
        const form = new FormData();
        form.append('file', file, file.name);
        if (project.value.trim()) form.append('project', project.value.trim());
        if (partial.checked) form.append('partial', 'true');
        const bar = progressBar(0, file.size, `uploading ${file.name}`);
        progress.replaceChildren(bar);
        try {
            const imp = await upload('shotlists', form, (loaded, size) => updateProgress(bar, loaded, size, `uploading ${file.name}: ${Math.round(100 * loaded / size)} %`));
            updateProgress(bar, 1, 1, `uploaded; import #${imp.id} ${imp.status}`);
            await follow(imp.id, bar);
        } catch (e) {
            progress.replaceChildren();
            fail(e);
        }
    }

    // An import runs for seconds: its status is read until it ends (the server pushes events for runs only).
    // It stops when the user leaves the page, and then does not take them back to it.
    async function follow(id, bar) {
        let left = false;
        window.dailiesCleanup.push(() => { left = true; });
        for (let wait = 300; !left; wait = Math.min(wait * 1.5, 2000)) {
            const imp = await get(`shotlists/${id}`);
            const label = `import #${id} ${imp.status}${imp.rows ? ` · ${imp.rows} rows` : ''}`;
            if (left) return;
            if (FINISHED.includes(imp.status)) {
                bar.querySelector('progress').value = bar.querySelector('progress').max;
                bar.querySelector('.progress-label').textContent = label;
                bar.dataset.status = imp.status;
                location.hash === `#/imports/${id}` ? imports(id).catch(fail) : (location.hash = `#/imports/${id}`);
                return;
            }
            bar.querySelector('.progress-label').textContent = label;
            await new Promise(r => setTimeout(r, wait));
        }
    }

    document.getElementById('view').replaceChildren(
        h('section#import-form', {'data-needs': 'producer'},
            h('h2', {}, 'Import a shot list'),
            h('p', {}, h('label', {}, 'Project ', project), ' ',
                h('label', {title: 'Import the valid rows and list the others, instead of refusing the whole workbook'}, partial, ' valid rows only')),
            zone, progress),
        detail,
        h('h2', {}, 'Imports'),
        table(['#', 'File', 'Project', 'Status', 'Rows', 'New', 'Updated', 'Issues', 'Started'], items.map(i => h('tr', {dataset: {id: i.id}},
            h('td', {}, h('a', {href: `#/imports/${i.id}`}, i.id)), h('td', {}, i.filename),
            h('td', {}, i.projectId ? h('a', {href: `#/projects/${i.projectId}`}, i.project) : i.project ?? ''),
            h('td', {}, status(i.status)), h('td', {}, i.rows), h('td', {}, i.created), h('td', {}, i.updated),
            h('td', {}, i.issueCount ? h('a.issues-link', {href: `#/imports/${i.id}`}, `${i.issueCount} issue${i.issueCount > 1 ? 's' : ''}`) : ''),
            h('td', {}, when(i.createdAt)))), 'imports'),
        total > items.length ? h('p.list-count', {}, `The newest ${items.length} of ${total} imports.`) : '');
    if (openId) await showImport(openId, detail, follow);
}

async function showImport(id, box, follow) {
    const imp = await get(`shotlists/${id}`);
    const issueRows = list => list.map(i => h('tr', {}, [i.sheet, i.row || '', i.column, i.field, i.value, i.message].map(v => h('td', {}, v ?? ''))));
    const bar = progressBar(FINISHED.includes(imp.status) ? 1 : 0, FINISHED.includes(imp.status) ? 1 : null, `import #${id} ${imp.status}`);
    box.replaceChildren(h('section.import', {dataset: {id, status: imp.status}},
        h('h3', {}, `Import #${id} `, h('span.muted', {}, imp.filename), ' ', status(imp.status)),
        FINISHED.includes(imp.status) ? '' : bar,
        h('p', {}, imp.shotListFound ? `Shot list found: ${imp.shotListFound}. ` : '',
            `${imp.rows} rows · ${imp.created} new · ${imp.updated} updated · ${imp.unchanged} unchanged · ${imp.omitted} omitted`,
            imp.reviewsRecorded ? ` · ${imp.reviewsRecorded} reviews recorded` : '', imp.failure ? ` · ${imp.failure}` : ''),
        h('p.links', {},
            imp.issueCount ? h('a#annotated-link', {href: `api/shotlists/${id}/annotated`}, 'Annotated workbook (bad cells in red)') : '',
            imp.issueCount && imp.projectId ? ' · ' : '',
            imp.projectId ? h('span', {}, h('a', {href: `#/projects/${imp.projectId}`}, 'Shot grid'), ' · ',
                h('a#workbook-link', {href: `api/projects/${imp.projectId}/workbook`}, 'Write-back workbook')) : ''),
        imp.issues?.length ? h('div', {}, h('h4', {}, `Issues (${imp.issueCount})`),
            table(['Sheet', 'Row', 'Column', 'Field', 'Value', 'Problem'], issueRows(imp.issues), 'issues')) : '',
        imp.warnings?.length ? h('div', {}, h('h4', {}, 'Warnings'),
            table(['Sheet', 'Row', 'Column', 'Field', 'Value', 'Warning'], issueRows(imp.warnings), 'warnings')) : ''));
    if (!FINISHED.includes(imp.status)) await follow(id, bar);
}
