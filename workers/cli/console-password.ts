// `npm run --silent console-password`: reads a password (stdin, or a prompt without echo on a
// terminal) and prints the CONSOLE_PASSWORD_HASH value for it.
import { hashPassword } from '../../src/lib/password.ts';

async function readPassword(): Promise<string> {
  const chunks: Buffer[] = [];
  if (process.stdin.isTTY) {
    process.stderr.write('Password (not shown): ');
    process.stdin.setRawMode(true);
  }
  for await (const chunk of process.stdin) {
    const text = String(chunk);
    if (process.stdin.isTTY && /[\r\n]/.test(text)) {
      chunks.push(Buffer.from(text.split(/[\r\n]/)[0] as string));
      break;
    }
    chunks.push(Buffer.from(chunk as Buffer));
  }
  if (process.stdin.isTTY) {
    process.stdin.setRawMode(false);
    process.stderr.write('\n');
  }
  return Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '');
}

const password = await readPassword();
if (password.length < 12) {
  process.stderr.write('backboard console-password: use at least 12 characters\n');
  process.exit(2);
}
process.stdout.write(`${await hashPassword(password)}\n`);
process.exit(0);
