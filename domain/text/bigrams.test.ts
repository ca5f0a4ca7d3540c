import { describe, expect, it } from 'vitest';
import { fts5Phrase, needsSubstringFallback, queryTokens, searchText, tokenize } from './bigrams.js';

describe('bigram tokenizer', () => {
  it('splits Han runs into overlapping bigrams', () => {
    expect(tokenize('公交线路')).toEqual(['公交', '交线', '线路']);
  });
  it('keeps a single Han character and lower-cases Latin words and numbers', () => {
    expect(tokenize('5路公交 Bus 到 CBD')).toEqual(['5', '路公', '公交', 'bus', '到', 'cbd']);
  });
  it('breaks at punctuation', () => {
    expect(tokenize('户籍，公安')).toEqual(['户籍', '公安']);
  });
  it('normalises full-width letters and digits', () => {
    expect(tokenize('ＡＢＣ１２３')).toEqual(['abc123']);
  });
  it('a two-character query is one token that every containing text has', () => {
    const doc = searchText('关于入驻企业人员户籍管理不畅的问题');
    expect(doc.split(' ')).toContain('户籍');
    expect(queryTokens('户籍')).toEqual(['户籍']);
  });
  it('a query phrase for FTS5 quotes each token', () => {
    expect(fts5Phrase(['公交', '交"线'])).toBe('"公交" + "交""线"');
  });
  it('one Han character needs the substring fallback', () => {
    expect(needsSubstringFallback(queryTokens('水'))).toBe(true);
    expect(needsSubstringFallback(queryTokens('供水'))).toBe(false);
  });
});
