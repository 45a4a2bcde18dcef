import { describe, expect, it } from 'vitest';
import { diagnoseAuthorizationHeader } from '../../core/header-diagnosis/diagnose-authorization-header.ts';
import {
  CERTUTIL_BEGIN_LINE,
  CERTUTIL_END_LINE,
  doItYourselfRoutes,
} from './do-it-yourself-base64.ts';

const PAIR = "0oa4xqz9kfTbN2cWd5d7:it's $secret";

describe('doItYourselfRoutes', () => {
  const routes = doItYourselfRoutes(PAIR);
  const byId = Object.fromEntries(routes.map((r) => [r.id, r]));

  it('one route per operating system, in order', () => {
    expect(routes.map((r) => r.id)).toEqual([
      'macos-linux',
      'windows-powershell',
      'windows-certutil',
    ]);
  });

  it('macOS and Linux: printf (no newline), base64, tr -d to undo wrapping; no -w0 (macOS lacks it)', () => {
    const command = byId['macos-linux']?.steps.find((s) => s.command)?.command?.text;
    expect(command).toBe(
      "printf '%s' '0oa4xqz9kfTbN2cWd5d7:it'\\''s $secret' | base64 | tr -d '\\n'",
    );
    expect(command).not.toContain('-w0');
    expect(command).not.toContain('echo');
  });

  it('PowerShell: one line over the UTF-8 bytes', () => {
    const command = byId['windows-powershell']?.steps.find((s) => s.command)?.command?.text;
    expect(command).toBe(
      "[Convert]::ToBase64String([Text.Encoding]::UTF8.GetBytes('0oa4xqz9kfTbN2cWd5d7:it''s $secret'))",
    );
    expect(command).not.toContain('\n');
  });

  it('certutil: the right command, which lines to remove, the wrapping, and deleting both files', () => {
    const steps = byId['windows-certutil']?.steps ?? [];
    const text = steps.map((s) => s.text).join('\n');
    expect(steps.flatMap((s) => (s.command ? [s.command] : []))).toEqual([
      { label: 'certutil command', text: 'certutil -encode appCreds.txt appbase64Creds.txt' },
      { label: 'Delete command', text: 'del appCreds.txt appbase64Creds.txt' },
    ]);
    expect(text).toContain('Remove its first line (-----BEGIN CERTIFICATE-----)');
    expect(text).toContain('its last line (-----END CERTIFICATE-----)');
    expect(text).toContain('64 characters per line');
    expect(text).toContain('no line break after it');
    expect(text).toContain('without BOM');
    // The certutil steps never carry the secret: it lives in the file the person writes.
    expect(JSON.stringify(steps)).not.toContain('$secret');
  });

  it("what certutil writes is what the header doctor recognises, and the guide's fix removes it", () => {
    const base64 = Buffer.from(PAIR, 'utf8').toString('base64');
    const lines = base64.match(/.{1,64}/g) ?? [];
    const certutilOutput = [CERTUTIL_BEGIN_LINE, ...lines, CERTUTIL_END_LINE, ''].join('\r\n');
    const codes = diagnoseAuthorizationHeader(certutilOutput).findings.map((f) => f.code);
    expect(codes).toContain('certutil-wrapper');
    const fixed = `Basic ${lines.join('')}`;
    expect(diagnoseAuthorizationHeader(fixed).verdict).not.toBe('error');
  });
});
