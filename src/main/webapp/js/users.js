// Users (admin): every account with its role, whether it may sign in, who made it and when it last signed in;
// create one, change its role, disable or enable it, set its password. Every user: change their own password.
import {call, can, fail, h, post, say, table, user, when} from './lib.js';

// The role a user is given; each implies the ones before it, so one is chosen.
const GRANTABLE = ['viewer', 'reviewer', 'producer', 'admin'];
const highest = roles => GRANTABLE.filter(r => (roles || []).includes(r)).pop() ?? '';
const roleSelect = (id, selected) => h('select' + (id ? '#' + id : '') + '.role-select', {},
    GRANTABLE.map(r => h('option', {value: r, selected: r === selected}, r)));
const path = name => `users/${encodeURIComponent(name)}`;

export async function users() {
    const view = document.getElementById('view');
    const reload = () => users().catch(fail);
    const list = can('admin') ? (await call('users')).body : null;

    // The signed-in user's own password.
    const mine = h('input#my-password', {type: 'password', autocomplete: 'new-password', required: true, minLength: 1, size: 24});
    const mineAgain = h('input#my-password-again', {type: 'password', autocomplete: 'new-password', required: true, size: 24});
    const changeMine = async e => {
        e.preventDefault();
        if (mine.value !== mineAgain.value) return say('The two passwords differ.', 'error');
        try {
            await call(`${path(user.username)}/password`, {method: 'PUT', json: {password: mine.value}});
            mine.value = mineAgain.value = '';
            say('Your password is changed.');
        } catch (err) { fail(err); }
    };

    const sections = [
        h('h2', {}, 'Your account ', h('span.muted', {}, `${user.username} · ${user.roles.join(', ')}`)),
        h('form#my-password-form', {onsubmit: changeMine},
            h('label', {}, 'New password ', mine), ' ', h('label', {}, 'again ', mineAgain), ' ',
            h('button#change-my-password', {type: 'submit'}, 'Change my password'))];

    if (list) {
        const rows = list.map(u => {
            const role = roleSelect(null, highest(u.roles));
            const password = h('input.user-password', {type: 'password', autocomplete: 'new-password', placeholder: 'new password', size: 14});
            const act = async (label, f) => {
                try { await f(); say(`${u.username}: ${label}.`); reload(); } catch (err) { fail(err); }
            };
            return h('tr', {dataset: {username: u.username, enabled: String(u.enabled)}},
                h('td.username', {}, u.username), h('td.roles', {}, (u.roles || []).join(', ')),
                h('td.enabled', {}, u.enabled ? 'enabled' : 'disabled'),
                h('td', {}, when(u.createdAt), u.createdBy ? ` by ${u.createdBy}` : ''), h('td', {}, when(u.lastSignInAt) || 'never'),
                h('td.user-actions', {'data-needs': 'admin'},
                    role, h('button.save-role', {onclick: () => act(`role ${role.value}`,
                        () => call(`${path(u.username)}/roles`, {method: 'PUT', json: {roles: [role.value]}}))}, 'Set role'), ' ',
                    u.enabled
                        ? h('button.disable-user.delete', {onclick: () => act('disabled', () => post(`${path(u.username)}/disable`))}, 'Disable')
                        : h('button.enable-user', {onclick: () => act('enabled', () => post(`${path(u.username)}/enable`))}, 'Enable'), ' ',
                    password, h('button.set-password', {onclick: () => password.value
                        ? act('password set', () => call(`${path(u.username)}/password`, {method: 'PUT', json: {password: password.value}}))
                        : say('Type the new password first.', 'error')}, 'Set password')));
        });

        const name = h('input#new-username', {required: true, size: 16, autocomplete: 'off'});
        const password = h('input#new-password', {type: 'password', required: true, size: 16, autocomplete: 'new-password'});
        const role = roleSelect('new-role', 'reviewer');
        const create = async e => {
            e.preventDefault();
            try {
                await post('users', {username: name.value.trim(), password: password.value, roles: [role.value]});
                say(`User ${name.value.trim()} created (${role.value}).`);
                reload();
            } catch (err) { fail(err); }
        };
        sections.push(h('section#users', {'data-needs': 'admin'},
            h('h2', {}, 'Users'),
            table(['User', 'Roles', 'State', 'Created', 'Last sign-in', ''], rows, 'users'),
            h('h3', {}, 'New user'),
            h('form#new-user-form', {onsubmit: create},
                h('label', {}, 'User name ', name), ' ', h('label', {}, 'Password ', password), ' ', h('label', {}, 'Role ', role), ' ',
                h('button#create-user', {type: 'submit'}, 'Create'))));
    }
    view.replaceChildren(...sections);
}
