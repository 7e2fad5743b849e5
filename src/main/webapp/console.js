// The console: imports, projects and runs with their live status, polled from the REST API.
const api = (path, options) => fetch('api/' + path, options).then(async r => {
    const body = r.headers.get('content-type')?.includes('json') ? await r.json() : null;
    if (!r.ok) throw new Error(body?.detail || r.statusText);
    return body;
});

// Lists answer a page at a time: the items as a JSON array, the whole list's size in X-Total-Count
// (and the next page in a Link header). The console shows the newest page and says how many there are.
const PAGE = 50;
async function list(path) {
    const r = await fetch('api/' + path + (path.includes('?') ? '&' : '?') + 'limit=' + PAGE);
    const body = r.headers.get('content-type')?.includes('json') ? await r.json() : null;
    if (!r.ok) throw new Error(body?.detail || r.statusText);
    const total = Number(r.headers.get('X-Total-Count') ?? body.length);
    return {items: body, total};
}
function showCount(table, shown, total, noun) {
    const id = table + '-count';
    let note = document.getElementById(id);
    if (!note) {
        note = document.createElement('p');
        note.id = id;
        note.className = 'list-count';
        document.getElementById(table).after(note);
    }
    note.textContent = total > shown ? `The newest ${shown} of ${total} ${noun}.` : '';
}

const text = value => document.createTextNode(value ?? '');
function cell(row, content) {
    const td = row.insertCell();
    if (content instanceof Node) td.appendChild(content); else td.appendChild(text(content));
    return td;
}
function status(value) {
    const span = document.createElement('span');
    span.className = 'status-' + value;
    span.textContent = value;
    return span;
}
function progress(done, total) {
    const wrap = document.createElement('span');
    const bar = document.createElement('div');
    bar.className = 'progress';
    const fill = document.createElement('div');
    fill.style.width = (total ? Math.round(100 * done / total) : 0) + '%';
    bar.appendChild(fill);
    const label = document.createElement('span');
    label.className = 'progress-label';
    label.textContent = `${done} / ${total} shots`;
    wrap.append(bar, label);
    return wrap;
}

async function showIssues(id) {
    const imp = await api('shotlists/' + id);
    const box = document.getElementById('issues');
    document.getElementById('issues-import').textContent = '#' + id + ' ' + imp.filename;
    const body = box.querySelector('tbody');
    body.replaceChildren();
    for (const i of imp.issues) {
        const row = body.insertRow();
        [i.sheet, i.row || '', i.column, i.field, i.value, i.message].forEach(v => cell(row, v));
    }
    box.hidden = false;
}

async function refreshImports() {
    const body = document.querySelector('#imports tbody');
    const {items: imports, total} = await list('shotlists');
    body.replaceChildren();
    showCount('imports', imports.length, total, 'imports');
    for (const i of imports) {
        const row = body.insertRow();
        row.dataset.id = i.id;
        cell(row, i.id); cell(row, i.filename); cell(row, i.project); cell(row, status(i.status));
        cell(row, i.rows); cell(row, i.created); cell(row, i.updated);
        if (i.issueCount > 0) {
            const link = document.createElement('a');
            link.className = 'issues-link';
            link.textContent = i.issueCount + ' issue' + (i.issueCount > 1 ? 's' : '');
            link.onclick = () => showIssues(i.id);
            cell(row, link);
        } else cell(row, '');
    }
}

async function refreshProjects() {
    const body = document.querySelector('#projects tbody');
    const {items: projects, total} = await list('projects');
    body.replaceChildren();
    showCount('projects', projects.length, total, 'projects');
    for (const p of projects) {
        const row = body.insertRow();
        cell(row, p.id); cell(row, p.name); cell(row, p.shots);
        const button = document.createElement('button');
        button.textContent = 'Start run';
        button.className = 'start-run';
        button.disabled = p.shots === 0;
        button.onclick = async () => {
            button.disabled = true;
            const mode = document.getElementById('run-mode').value;
            try { await api(`projects/${p.id}/runs?mode=${encodeURIComponent(mode)}`, {method: 'POST'}); } catch (e) { alert(e.message); }
            refresh();
        };
        cell(row, button);
    }
}

async function refreshRuns() {
    const body = document.querySelector('#runs tbody');
    const {items: runs, total} = await list('runs');
    body.replaceChildren();
    showCount('runs', runs.length, total, 'runs');
    for (const r of runs) {
        const row = body.insertRow();
        row.dataset.id = r.id;
        cell(row, r.id); cell(row, r.project); cell(row, r.mode ?? ''); cell(row, status(r.status)); cell(row, progress(r.done, r.total));
        if (r.report) {
            const a = document.createElement('a');
            a.href = r.report.replace(/^\//, '');
            a.textContent = 'report.xlsx';
            cell(row, a);
        } else cell(row, r.failure ?? '');
    }
}

async function refresh() {
    try {
        await Promise.all([refreshImports(), refreshProjects(), refreshRuns()]);
    } catch (e) {
        console.warn('refresh failed', e);
    }
}

document.getElementById('upload-form').addEventListener('submit', async event => {
    event.preventDefault();
    const message = document.getElementById('upload-message');
    const form = new FormData();
    form.append('file', document.getElementById('upload-file').files[0]);
    const project = document.getElementById('upload-project').value.trim();
    if (project) form.append('project', project);
    if (document.getElementById('upload-partial').checked) form.append('partial', 'true');
    message.textContent = 'Uploading…';
    try {
        const imp = await api('shotlists', {method: 'POST', body: form});
        message.textContent = `Import #${imp.id} started.`;
    } catch (e) {
        message.textContent = e.message;
    }
    refresh();
});

refresh();
setInterval(refresh, 2000);
