// A tiny SMTP server for the browser tests: it listens on 127.0.0.1, accepts
// every message `att serve` delivers and keeps it in memory, decoded, so a
// test can wait for a mail and read the link in it.
//
// It speaks just enough of RFC 5321 for libcurl: greeting, EHLO/HELO,
// MAIL FROM, RCPT TO, DATA (with dot-unstuffing), RSET, NOOP, QUIT.
import { createServer } from 'node:net';

const MAX_LINE = 4096;               // command lines are short; refuse junk
const MAX_MESSAGE = 10 * 1024 * 1024;
const CRLF_DOT_CRLF = Buffer.from('\r\n.\r\n');

/** The address inside `MAIL FROM:<a@b> SIZE=1` or `RCPT TO:<a@b>`. */
function pathArgument(rest) {
  const match = /^\s*<([^>]*)>/.exec(rest) ?? /^\s*(\S+)/.exec(rest);
  return match ? match[1] : null;
}

/** Node's name for a MIME charset; UTF-8 when unknown. */
function nodeEncoding(charset) {
  const name = (charset ?? 'utf-8').trim().toLowerCase().replace(/^"|"$/g, '');
  if (name === 'us-ascii' || name === 'ascii') return 'utf8';
  if (name === 'iso-8859-1' || name === 'latin1' || name === 'windows-1252') return 'latin1';
  return 'utf8';
}

/** Quoted-printable (RFC 2045 6.7) to bytes; `underscoreIsSpace` for RFC 2047 Q. */
function decodeQuotedPrintable(text, underscoreIsSpace = false) {
  const bytes = [];
  const source = underscoreIsSpace ? text : text.replace(/=\r?\n/g, '');  // soft line breaks
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === '=' && /^[0-9A-Fa-f]{2}$/.test(source.slice(i + 1, i + 3))) {
      bytes.push(parseInt(source.slice(i + 1, i + 3), 16));
      i += 2;
    } else if (c === '_' && underscoreIsSpace) {
      bytes.push(0x20);
    } else {
      bytes.push(...Buffer.from(c, 'latin1'));
    }
  }
  return Buffer.from(bytes);
}

/**
 * Decode RFC 2047 encoded-words (=?UTF-8?B?...?= and =?UTF-8?Q?...?=). White
 * space between two adjacent encoded-words is dropped, and the bytes of
 * adjacent words in the same charset are joined before decoding, so a UTF-8
 * character split across two words still comes out whole.
 */
export function decodeHeaderValue(value) {
  const word = /=\?([^?\s]+)\?([BbQq])\?([^?\s]*)\?=/g;
  const parts = [];  // { text } or { charset, bytes }
  let last = 0;
  for (let match = word.exec(value); match; match = word.exec(value)) {
    const between = value.slice(last, match.index);
    const previous = parts[parts.length - 1];
    if (between.length > 0 && !(previous?.bytes && /^\s*$/.test(between))) parts.push({ text: between });
    const charset = match[1].replace(/\*.*$/, '');  // drop an RFC 2231 language tag
    const bytes = match[2].toUpperCase() === 'B'
      ? Buffer.from(match[3], 'base64')
      : decodeQuotedPrintable(match[3], true);
    const before = parts[parts.length - 1];
    if (before?.bytes && before.charset.toLowerCase() === charset.toLowerCase()) {
      before.bytes = Buffer.concat([before.bytes, bytes]);
    } else {
      parts.push({ charset, bytes });
    }
    last = match.index + match[0].length;
  }
  if (last < value.length) parts.push({ text: value.slice(last) });
  return parts.map((p) => (p.bytes ? p.bytes.toString(nodeEncoding(p.charset)) : p.text)).join('');
}

/**
 * Split a raw message (a Buffer, CRLF line ends) into its decoded parts:
 * { raw, headers, subject, text }. Headers are unfolded; `headers` maps a
 * lower-case name to the decoded value of its first occurrence.
 */
export function parseMessage(rawBuffer) {
  const raw = rawBuffer.toString('utf8');
  let split = rawBuffer.indexOf('\r\n\r\n');
  let separator = 4;
  if (split < 0) { split = rawBuffer.indexOf('\n\n'); separator = 2; }
  const headerBytes = split < 0 ? rawBuffer : rawBuffer.subarray(0, split);
  const bodyBytes = split < 0 ? Buffer.alloc(0) : rawBuffer.subarray(split + separator);

  const headers = {};
  const unfolded = headerBytes.toString('utf8').replace(/\r?\n(?=[ \t])/g, '');
  for (const line of unfolded.split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    const name = line.slice(0, colon).trim().toLowerCase();
    if (!(name in headers)) headers[name] = decodeHeaderValue(line.slice(colon + 1).trim());
  }

  const charset = /charset\s*=\s*"?([^";\s]+)"?/i.exec(headers['content-type'] ?? '')?.[1];
  const transfer = (headers['content-transfer-encoding'] ?? '7bit').trim().toLowerCase();
  let bytes;
  if (transfer === 'base64') {
    bytes = Buffer.from(bodyBytes.toString('latin1').replace(/[^A-Za-z0-9+/=]/g, ''), 'base64');
  } else if (transfer === 'quoted-printable') {
    bytes = decodeQuotedPrintable(bodyBytes.toString('latin1'));
  } else {
    bytes = bodyBytes;  // 7bit, 8bit, binary
  }
  const text = bytes.toString(nodeEncoding(charset)).replace(/\r\n/g, '\n');
  return { raw, headers, subject: headers.subject ?? '', text };
}

/** Undo SMTP dot-stuffing (RFC 5321 4.5.2): a leading '.' on a line is removed. */
function unstuff(data) {
  const lines = data.toString('latin1').split('\r\n');
  return Buffer.from(lines.map((l) => (l.startsWith('.') ? l.slice(1) : l)).join('\r\n'), 'latin1');
}

/**
 * Start the sink. Resolves to { port, messages, waitForMail, close }:
 * - messages: every message received so far, in order, each
 *   { from, to[], raw, headers, subject, text, receivedAt };
 * - waitForMail(predicate, timeoutMs = 10000): the first message (already
 *   received or still to come) for which predicate(message) is true;
 * - close(): stops listening, drops connections, fails pending waits.
 */
export async function startSmtpSink({ hostname = 'att-test-sink' } = {}) {
  const messages = [];
  const waiters = new Set();
  const sockets = new Set();
  const protocolErrors = [];

  function deliver(message) {
    messages.push(message);
    for (const waiter of [...waiters]) {
      let matches = false;
      try {
        matches = waiter.predicate(message);
      } catch (err) {
        waiter.finish(null, err);
        continue;
      }
      if (matches) waiter.finish(message);
    }
  }

  const server = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => {});  // a client hanging up is not our problem

    let buffer = Buffer.alloc(0);
    let inData = false;
    let from = null;
    let to = [];

    const reply = (text) => { if (!socket.destroyed) socket.write(`${text}\r\n`); };
    const reset = () => { from = null; to = []; };

    function command(line) {
      const verb = /^\S*/.exec(line)[0].toUpperCase();
      const rest = line.slice(verb.length);
      switch (verb) {
        case 'EHLO':
          reset();
          reply(`250-${hostname} greets ${rest.trim() || 'you'}`);
          reply('250-8BITMIME');
          reply(`250-SIZE ${MAX_MESSAGE}`);
          reply('250 HELP');
          break;
        case 'HELO':
          reset();
          reply(`250 ${hostname}`);
          break;
        case 'MAIL': {
          const address = /^\s*FROM:/i.test(rest) ? pathArgument(rest.replace(/^\s*FROM:/i, '')) : null;
          if (address === null) { reply('501 5.5.4 Syntax: MAIL FROM:<address>'); break; }
          reset();
          from = address;
          reply('250 2.1.0 OK');
          break;
        }
        case 'RCPT': {
          const address = /^\s*TO:/i.test(rest) ? pathArgument(rest.replace(/^\s*TO:/i, '')) : null;
          if (address === null) { reply('501 5.5.4 Syntax: RCPT TO:<address>'); break; }
          if (from === null) { reply('503 5.5.1 MAIL first'); break; }
          to.push(address);
          reply('250 2.1.5 OK');
          break;
        }
        case 'DATA':
          if (from === null || to.length === 0) { reply('503 5.5.1 RCPT first'); break; }
          inData = true;
          reply('354 End data with <CR><LF>.<CR><LF>');
          break;
        case 'RSET':
          reset();
          reply('250 2.0.0 OK');
          break;
        case 'NOOP':
          reply('250 2.0.0 OK');
          break;
        case 'QUIT':
          reply('221 2.0.0 Bye');
          socket.end();
          break;
        default:
          protocolErrors.push(`unknown command: ${line}`);
          reply('502 5.5.2 Command not implemented');
      }
    }

    function process() {
      for (;;) {
        if (inData) {
          // The data starts right after the CRLF that ended "DATA", so an
          // empty message is just ".\r\n": look for the end with that CRLF in front.
          const withLead = Buffer.concat([Buffer.from('\r\n'), buffer]);
          const end = withLead.indexOf(CRLF_DOT_CRLF);
          if (end < 0) {
            if (buffer.length > MAX_MESSAGE) {
              reply('552 5.3.4 Message too big');
              socket.destroy();
            }
            return;
          }
          const data = end === 0 ? Buffer.alloc(0) : withLead.subarray(2, end + 2);  // keeps the last CRLF
          buffer = withLead.subarray(end + CRLF_DOT_CRLF.length);
          inData = false;
          const message = { from, to: [...to], ...parseMessage(unstuff(data)), receivedAt: new Date() };
          reset();
          reply('250 2.0.0 OK: queued');
          deliver(message);
          continue;
        }
        const eol = buffer.indexOf('\r\n');
        if (eol < 0) {
          if (buffer.length > MAX_LINE) {
            reply('500 5.5.6 Line too long');
            socket.destroy();
          }
          return;
        }
        const line = buffer.subarray(0, eol).toString('utf8');
        buffer = buffer.subarray(eol + 2);
        command(line);
        if (socket.destroyed || socket.writableEnded) return;
      }
    }

    socket.on('data', (chunk) => {
      buffer = Buffer.concat([buffer, chunk]);
      process();
    });
    reply(`220 ${hostname} ESMTP test sink`);
  });

  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address();

  function waitForMail(predicate, timeoutMs = 10_000) {
    for (const message of messages) {
      if (predicate(message)) return Promise.resolve(message);
    }
    return new Promise((resolve, reject) => {
      const waiter = {
        predicate,
        finish(message, err) {
          clearTimeout(waiter.timer);
          waiters.delete(waiter);
          if (err) reject(err); else resolve(message);
        },
      };
      waiter.timer = setTimeout(() => {
        const seen = messages.map((m) => `  to ${m.to.join(', ')}: ${m.subject}`).join('\n') || '  (none)';
        waiter.finish(null, new Error(
          `no matching e-mail within ${timeoutMs} ms; received so far:\n${seen}` +
          (protocolErrors.length ? `\nprotocol errors:\n  ${protocolErrors.join('\n  ')}` : '')));
      }, timeoutMs);
      waiters.add(waiter);
    });
  }

  let closed;
  function close() {
    closed ??= new Promise((resolve) => {
      for (const waiter of [...waiters]) waiter.finish(null, new Error('SMTP sink closed'));
      for (const socket of sockets) socket.destroy();
      server.close(() => resolve());
    });
    return closed;
  }

  return { port, messages, protocolErrors, waitForMail, close };
}
