// Fake Mojaloop hub (switch) for e2e tests of the real sdk-scheme-adapter against CoreGate.
//  :15000  FSPIOP switch endpoint the SDK calls (PEER/ALS/QUOTES/TRANSFERS_ENDPOINT)
//          - records every request (GET /_calls returns them, DELETE /_calls clears)
//          - plays the PAYEE side for the SDK's outbound (payer) flow: answers GET /parties, POST /quotes,
//            POST /transfers with async callbacks to the SDK inbound (127.0.0.1:4000)
//  :15003  logging reverse proxy SDK -> CoreGate backend (127.0.0.1:13003); GET /_backend on :15000 returns
//          the exchanges (request + response as CoreGate saw/sent them)
'use strict';
const http = require('http');
const path = require('path');
const SDKDIR = process.env.SDK_DIR || path.join(__dirname, 'work/sdk/node_modules/@mojaloop/sdk-scheme-adapter');
const { Ilp } = require(require.resolve('@mojaloop/sdk-standard-components', { paths: [SDKDIR] }));

const HUB_PORT = +(process.env.HUB_PORT || 15000);
const PROXY_PORT = +(process.env.PROXY_PORT || 15003);
const SDK_IN = process.env.SDK_INBOUND || 'http://127.0.0.1:4000';
const BACKEND = process.env.BACKEND || 'http://127.0.0.1:13003';
const PAYEE_FSP = process.env.PAYEE_FSP || 'payeefsp';
const PAYEE_SECRET = process.env.PAYEE_ILP_SECRET || 'fake-payee-secret';
const ilp = new Ilp({ secret: PAYEE_SECRET, logger: { isDebugEnabled: () => false, debug() {}, log() {} } });

const OUTPROXY_PORT = +(process.env.OUTPROXY_PORT || 14001);
const SDK_OUT = process.env.SDK_OUTBOUND || 'http://127.0.0.1:4001';
const calls = [];
const backend = [];
const outbound = [];
const quotes = {};
const prepares = {}; // swallowed prepares: transferId -> body // quoteId -> {request, response, fulfilment}

const log = (...a) => console.log(new Date().toISOString(), ...a);

function readBody(req) {
    return new Promise((res) => { const c = []; req.on('data', (d) => c.push(d)); req.on('end', () => res(Buffer.concat(c).toString())); });
}

function fspiopHeaders(resource, src, dst, withAccept) {
    const h = {
        'content-type': `application/vnd.interoperability.${resource}+json;version=1.0`,
        date: new Date().toUTCString(),
        'fspiop-source': src,
    };
    if (dst) h['fspiop-destination'] = dst;
    // always explicit: fetch would otherwise send 'Accept: */*', which the SDK rejects with 3101
    h.accept = `application/vnd.interoperability.${resource}+json;version=1`;
    return h;
}

async function toSdk(method, p, resource, src, dst, body) {
    const r = await fetch(SDK_IN + p, { method, headers: fspiopHeaders(resource, src, dst, method !== 'PUT' && method !== 'PATCH' ? true : false), body: body ? JSON.stringify(body) : undefined });
    const t = await r.text();
    log(`hub -> SDK ${method} ${p} => ${r.status} ${t}`);
    return { status: r.status, body: t };
}

// ---- payee-side behaviour for the payer flow ----
async function answerParties(req, p) {
    const m = p.match(/^\/parties\/([^/]+)\/([^/]+)(?:\/([^/]+))?$/);
    const src = req.headers['fspiop-source'];
    // magic MSISDNs: ...404 -> party not found error callback
    if (m[2].endsWith('404')) {
        await toSdk('PUT', p + '/error', 'parties', 'switch', src, { errorInformation: { errorCode: '3204', errorDescription: 'Party not found' } });
        return;
    }
    const body = {
        party: {
            partyIdInfo: { partyIdType: m[1], partyIdentifier: m[2], fspId: PAYEE_FSP },
            name: 'Bob Payee',
            personalInfo: { complexName: { firstName: 'Bob', lastName: 'Payee' }, dateOfBirth: '1980-01-01' },
        },
    };
    await toSdk('PUT', p, 'parties', PAYEE_FSP, src, body);
}

async function answerQuote(req, q) {
    const src = req.headers['fspiop-source'];
    // magic MSISDNs: ...501 -> quote error callback
    if (q.payee.partyIdInfo.partyIdentifier.endsWith('501')) {
        await toSdk('PUT', `/quotes/${q.quoteId}/error`, 'quotes', PAYEE_FSP, src, { errorInformation: { errorCode: '5200', errorDescription: 'Payee error (fake hub)' } });
        return;
    }
    // magic MSISDNs: ...777 -> the payee charges a fee of 1 (SEND: receive = amount - 1; RECEIVE: transfer = amount + 1)
    const fee = q.payee.partyIdInfo.partyIdentifier.endsWith('777') ? 1 : 0;
    const amt = Number(q.amount.amount);
    const transfer = q.amountType === 'RECEIVE' ? amt + fee : amt;
    const receive = q.amountType === 'RECEIVE' ? amt : amt - fee;
    const response = {
        transferAmount: { amount: String(transfer), currency: q.amount.currency },
        payeeReceiveAmount: { amount: String(receive), currency: q.amount.currency },
        payeeFspFee: { amount: String(fee), currency: q.amount.currency },
        payeeFspCommission: { amount: '0', currency: q.amount.currency },
        expiration: new Date(Date.now() + 60000).toISOString(),
    };
    const { fulfilment, ilpPacket, condition } = ilp.getQuoteResponseIlp(q, response);
    Object.assign(response, { ilpPacket, condition });
    quotes[q.quoteId] = { request: q, response, fulfilment };
    quotes['tx:' + q.transactionId] = quotes[q.quoteId];
    await toSdk('PUT', `/quotes/${q.quoteId}`, 'quotes', PAYEE_FSP, src, response);
}

async function answerTransfer(req, t) {
    const src = req.headers['fspiop-source'];
    const q = quotes['tx:' + t.transferId];
    const payeeId = q ? q.request.payee.partyIdInfo.partyIdentifier : '';
    // magic MSISDNs: ...502 -> transfer error callback; ...503 -> no transfer callback at all
    if (payeeId.endsWith('502')) {
        await toSdk('PUT', `/transfers/${t.transferId}/error`, 'transfers', 'switch', src, { errorInformation: { errorCode: '4001', errorDescription: 'Payer FSP insufficient liquidity (fake hub)' } });
        return;
    }
    if (payeeId.endsWith('503') || payeeId.endsWith('505')) { log('swallowing transfer ' + t.transferId); prepares[t.transferId] = t; return; }
    const fulfilment = ilp.calculateFulfil(t.ilpPacket);
    const ok = ilp.calculateConditionFromFulfil(fulfilment) === t.condition;
    if (!ok) {
        log('transfer condition does not match our ILP packet -> error callback');
        await toSdk('PUT', `/transfers/${t.transferId}/error`, 'transfers', 'switch', src,
            { errorInformation: { errorCode: '5105', errorDescription: 'condition mismatch in fake hub' } });
        return;
    }
    await toSdk('PUT', `/transfers/${t.transferId}`, 'transfers', 'switch', src,
        { fulfilment, transferState: 'COMMITTED', completedTimestamp: new Date().toISOString() });
}

// GET /transfers/{id} from the payer SDK: for ...505 payees the hub "had committed" the swallowed prepare
async function answerGetTransfer(req, id) {
    const t = prepares[id];
    const q = quotes['tx:' + id];
    if (!t || !q || !q.request.payee.partyIdInfo.partyIdentifier.endsWith('505')) { log('not answering GET /transfers/' + id); return; }
    await toSdk('PUT', `/transfers/${id}`, 'transfers', 'switch', req.headers['fspiop-source'],
        { fulfilment: ilp.calculateFulfil(t.ilpPacket), transferState: 'COMMITTED', completedTimestamp: new Date().toISOString() });
}

const hub = http.createServer(async (req, res) => {
    const raw = await readBody(req);
    const p = req.url.split('?')[0];
    if (p === '/_calls') {
        if (req.method === 'DELETE') { calls.length = 0; backend.length = 0; res.end('{}'); return; }
        res.setHeader('content-type', 'application/json'); res.end(JSON.stringify(calls)); return;
    }
    if (p === '/_outbound') { res.setHeader('content-type', 'application/json'); res.end(JSON.stringify(outbound)); return; }
    if (p === '/_backend') { res.setHeader('content-type', 'application/json'); res.end(JSON.stringify(backend)); return; }
    let body = null; try { body = raw ? JSON.parse(raw) : null; } catch (e) { body = raw; }
    const rec = { at: new Date().toISOString(), method: req.method, path: p, headers: req.headers, body };
    calls.push(rec);
    log(`SDK -> hub ${req.method} ${p} ${raw}`);
    const isCallback = req.method === 'PUT';
    res.statusCode = isCallback ? 200 : 202;
    res.end();
    if (req.headers['x-hub-no-auto']) return;
    try {
        if (req.method === 'GET' && p.startsWith('/parties/')) await answerParties(req, p);
        else if (req.method === 'POST' && p === '/quotes') await answerQuote(req, body);
        else if (req.method === 'POST' && p === '/transfers') await answerTransfer(req, body);
        else if (req.method === 'GET' && p.startsWith('/transfers/')) await answerGetTransfer(req, p.split('/')[2]);
    } catch (e) { log('auto-answer failed', e); }
});

const mkProxy = (target, store, label) => http.createServer(async (req, res) => {
    const raw = await readBody(req);
    const ex = { at: new Date().toISOString(), method: req.method, path: req.url, headers: req.headers, body: raw };
    store.push(ex);
    const BACKEND = target;
    try {
        const headers = { ...req.headers }; delete headers.host; delete headers['content-length'];
        const r = await fetch(BACKEND + req.url, { method: req.method, headers, body: ['GET', 'HEAD'].includes(req.method) ? undefined : raw });
        const t = await r.text();
        ex.status = r.status; ex.response = t; ex.responseHeaders = Object.fromEntries(r.headers);
        log(`${label} ${req.method} ${req.url} ${raw}\n    <= ${r.status} ${t}`);
        res.statusCode = r.status;
        const ct = r.headers.get('content-type'); if (ct) res.setHeader('content-type', ct);
        res.end(t);
    } catch (e) {
        ex.status = 599; ex.response = String(e); log('proxy error', e); res.statusCode = 502; res.end();
    }
});

const proxy = mkProxy(BACKEND, backend, 'SDK -> CoreGate');
const outProxy = mkProxy(SDK_OUT, outbound, 'CoreGate -> SDK outbound');
outProxy.listen(OUTPROXY_PORT, '127.0.0.1', () => log(`outbound proxy on ${OUTPROXY_PORT} -> ${SDK_OUT}`));
hub.listen(HUB_PORT, '127.0.0.1', () => log(`fake hub on ${HUB_PORT}`));
proxy.listen(PROXY_PORT, '127.0.0.1', () => log(`backend proxy on ${PROXY_PORT} -> ${BACKEND}`));
