import { describe, expect, it } from 'vitest';
import { GatewayError } from '../../../src/domain/gateway-error';
import { decodeImage } from '../../../src/resolvers/images';
import { mergePatch } from '../../../src/resolvers/managed-login-branding';

describe('mergePatch: RFC 7396 (the examples of its appendix A)', () => {
  it.each([
    [{ a: 'b' }, { a: 'c' }, { a: 'c' }],
    [{ a: 'b' }, { b: 'c' }, { a: 'b', b: 'c' }],
    [{ a: 'b' }, { a: null }, {}],
    [{ a: 'b', b: 'c' }, { a: null }, { b: 'c' }],
    [{ a: ['b'] }, { a: 'c' }, { a: 'c' }],
    [{ a: 'c' }, { a: ['b'] }, { a: ['b'] }],
    [{ a: { b: 'c' } }, { a: { b: 'd', c: null } }, { a: { b: 'd' } }],
    [{ a: [{ b: 'c' }] }, { a: [1] }, { a: [1] }],
    [
      ['a', 'b'],
      ['c', 'd'],
      ['c', 'd'],
    ],
    [{ a: 'b' }, ['c'], ['c']],
    [{ e: null }, { a: 1 }, { e: null, a: 1 }],
    [[1, 2], { a: 'b', c: null }, { a: 'b' }],
    [{}, { a: { bb: { ccc: null } } }, { a: { bb: {} } }],
  ])('%j patched with %j is %j', (target, patch, result) => {
    expect(mergePatch(target, patch)).toEqual(result);
  });

  it('leaves the target as it was', () => {
    const target = { a: { b: 1 } };
    mergePatch(target, { a: { b: 2 } });
    expect(target).toEqual({ a: { b: 1 } });
  });
});

describe('decodeImage', () => {
  const reason = (run: () => unknown) => {
    try {
      run();
    } catch (error) {
      if (error instanceof GatewayError) return [error.field, error.details['reason']];
      throw error;
    }
    throw new Error('expected a refusal');
  };

  it('decodes padded base64, with line breaks as encoders write them', () => {
    expect([...decodeImage('AAEC\nAw==', 'f', 10)]).toEqual([0, 1, 2, 3]);
  });

  it('refuses text that is not standard base64, and an image over the limit, naming the field', () => {
    expect(reason(() => decodeImage('AAEC-w==', 'input.imageFile', 10))).toEqual([
      'input.imageFile',
      'is not base64 (standard alphabet, padded with =)',
    ]);
    expect(reason(() => decodeImage('AAE', 'input.imageFile', 10))).toEqual([
      'input.imageFile',
      'is not base64 (standard alphabet, padded with =)',
    ]);
    expect(reason(() => decodeImage('', 'x', 10))).toEqual(['x', 'must not be empty']);
    expect(reason(() => decodeImage('AAECAw==', 'x', 3))).toEqual(['x', 'is 4 bytes; Cognito takes at most 3 bytes for this image']);
  });
});
