import { randomUUID } from 'node:crypto';
import type { AuditRecord } from './audit-log';
import { assertAuditRecord } from './assert-audit-record';

const valid: AuditRecord = {
  id: randomUUID(),
  tid: new Date('2026-03-01T10:00:00.000Z'),
  requestId: 'req-1',
  service: 'dokument',
  aktoer: 'borger:abc',
  aktoerType: 'BORGER',
  organisation: null,
  dataansvarlig: null,
  rolle: null,
  privilegiegruppe: null,
  operation: 'LAES',
  objektType: 'Dokument',
  objekter: [randomUUID()],
  cpr: ['0101701234'],
  soegekriterier: null,
  udfald: 'AFVIST',
};

/** Sends what a caller could, past the compile-time types. */
const untyped = (value: unknown): AuditRecord => value as AuditRecord;

describe('assertAuditRecord', () => {
  it('returns a copy of a valid record', () => {
    const copy = assertAuditRecord(valid);
    expect(copy).toEqual(valid);
    expect(copy.tid).not.toBe(valid.tid);
    expect(copy.cpr).not.toBe(valid.cpr);
  });

  it.each<[string, unknown]>([
    ['id', 'not-a-uuid'],
    ['tid', new Date(Number.NaN)],
    ['tid', '2026-03-01T10:00:00.000Z'],
    ['service', ''],
    ['aktoer', 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.abc'],
    ['aktoer', 'Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.abc'],
    ['aktoerType', 'ROOT'],
    ['organisation', 29189846],
    ['operation', 'SLET'],
    ['objekter', [1]],
    ['cpr', ['010170-1234']],
    ['cpr', '0101701234'],
    ['soegekriterier', { fra: new Date() }],
    ['soegekriterier', { tal: Number.POSITIVE_INFINITY }],
    ['soegekriterier', ['liste']],
    ['udfald', 'MAASKE'],
  ])('rejects %s = %p', (field, value) => {
    expect(() => assertAuditRecord(untyped({ ...valid, [field]: value }))).toThrow(
      new RegExp(`Audit record ${field} must be`),
    );
  });

  it('never quotes a CPR number in its message', () => {
    expect(() => assertAuditRecord({ ...valid, cpr: ['0101701234', '123'] })).toThrow(
      /^((?!0101701234).)*$/,
    );
  });
});
