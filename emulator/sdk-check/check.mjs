// The official OpenAI Node SDK, unchanged, against the emulator: every call Dailies relies on.
// usage: node check.mjs BASE_URL   (e.g. http://127.0.0.1:8080/emulator/v1)
// Prints one line per check and closes with "N passed, N failed"; exits non-zero on any failure.
import OpenAI, { toFile } from 'openai';

const baseURL = process.argv[2] ?? 'http://127.0.0.1:8080/emulator/v1';
const client = new OpenAI({ baseURL, apiKey: 'sk-emulator-not-a-secret', maxRetries: 0, timeout: 60_000 });
let passed = 0;
let failed = 0;

async function check(name, body) {
  try {
    const detail = await body();
    passed++;
    console.log(`ok   ${name}${detail ? ' — ' + detail : ''}`);
  } catch (e) {
    failed++;
    console.log(`FAIL ${name} — ${e?.status ?? ''} ${e?.message ?? e}`);
  }
}

function assert(condition, message) {
  if (!condition) throw new Error(message);
}

async function until(what, read, done, seconds = 90) {
  const end = Date.now() + seconds * 1000;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > end) throw new Error(`${what}: still ${JSON.stringify(value.status)} after ${seconds} s`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

async function bytes(response) {
  return Buffer.from(await response.arrayBuffer());
}

let video;
let remix;
await check('videos.create', async () => {
  video = await client.videos.create({ model: 'sora-2', prompt: 'A lighthouse at dusk, slow dolly in. Palette: amber, slate blue.', seconds: '4', size: '1280x720' });
  assert(video.id && video.object === 'video', `unexpected ${JSON.stringify(video)}`);
  return video.id;
});
await check('videos.retrieve until completed', async () => {
  video = await until('video', () => client.videos.retrieve(video.id), (v) => v.status === 'completed' || v.status === 'failed');
  assert(video.status === 'completed', `status ${video.status}`);
  return `${video.seconds} s ${video.size}`;
});
await check('videos.list', async () => {
  const page = await client.videos.list({ limit: 20, order: 'desc' });
  assert(page.data.some((v) => v.id === video.id), 'the new video is not listed');
  return `${page.data.length} on the first page`;
});
await check('videos.downloadContent (video)', async () => {
  const mp4 = await bytes(await client.videos.downloadContent(video.id));
  assert(mp4.subarray(4, 8).toString('latin1') === 'ftyp', 'not an MP4');
  return `${mp4.length} bytes of MP4`;
});
await check('videos.downloadContent (thumbnail)', async () => {
  const thumb = await bytes(await client.videos.downloadContent(video.id, { variant: 'thumbnail' }));
  assert(thumb.length > 100, `only ${thumb.length} bytes`);
  return `${thumb.length} bytes`;
});
await check('videos.remix', async () => {
  remix = await client.videos.remix(video.id, { prompt: 'Same shot, heavy rain.' });
  assert(remix.id && remix.id !== video.id && remix.remixed_from_video_id === video.id, JSON.stringify(remix));
  remix = await until('remix', () => client.videos.retrieve(remix.id), (v) => v.status === 'completed' || v.status === 'failed');
  assert(remix.status === 'completed', `status ${remix.status}`);
  return remix.id;
});

let file;
let batch;
await check('files.create (batch input)', async () => {
  const line = { custom_id: 'shot-1', method: 'POST', url: '/v1/videos', body: { model: 'sora-2', prompt: 'A cat on a windowsill, rain outside.', seconds: '4', size: '1280x720' } };
  file = await client.files.create({ file: await toFile(Buffer.from(JSON.stringify(line) + '\n'), 'shots.jsonl'), purpose: 'batch' });
  assert(file.id && file.purpose === 'batch', JSON.stringify(file));
  return file.id;
});
await check('files.retrieve and files.list', async () => {
  const again = await client.files.retrieve(file.id);
  assert(again.filename === 'shots.jsonl', JSON.stringify(again));
  const page = await client.files.list({ purpose: 'batch' });
  assert(page.data.some((f) => f.id === file.id), 'the file is not listed');
});
await check('files.content', async () => {
  const text = (await bytes(await client.files.content(file.id))).toString('utf8');
  assert(text.includes('"custom_id":"shot-1"'), text);
});
await check('batches.create and retrieve until completed', async () => {
  batch = await client.batches.create({ input_file_id: file.id, endpoint: '/v1/videos', completion_window: '24h' });
  batch = await until('batch', () => client.batches.retrieve(batch.id), (b) => ['completed', 'failed', 'expired', 'cancelled'].includes(b.status), 180);
  assert(batch.status === 'completed' && batch.output_file_id, JSON.stringify(batch));
  const output = (await bytes(await client.files.content(batch.output_file_id))).toString('utf8');
  assert(output.includes('"custom_id":"shot-1"') && output.includes('"status_code":200'), output);
  return `${batch.request_counts.completed}/${batch.request_counts.total} completed`;
});
await check('batches.list', async () => {
  const page = await client.batches.list({ limit: 20 });
  assert(page.data.some((b) => b.id === batch.id), 'the batch is not listed');
});
await check('videos.delete', async () => {
  const deleted = await client.videos.delete(remix.id);
  assert(deleted.deleted === true, JSON.stringify(deleted));
});

console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
