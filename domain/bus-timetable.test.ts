import { describe, expect, it } from 'vitest';
import { frequencyText, nextDepartures, scheduledDepartures, scheduleProblems, shanghaiMinutes, type BusSchedule } from './bus-timetable.js';

const route5: BusSchedule = { firstDeparture: '06:30', lastDeparture: '20:00', headwayMin: 10, headwayMax: 15 };
/** An instant at the given Beijing time on 2024-08-22 (UTC+8). */
const bj = (hhmm: string, date = '2024-08-22') => new Date(`${date}T${hhmm}:00+08:00`);

describe('route 5: 06:30–20:00, every 10–15 minutes', () => {
  it('lists departures at the longest headway, first and last included', () => {
    const all = scheduledDepartures(route5);
    expect(all[0]).toBe('06:30');
    expect(all[1]).toBe('06:45');
    expect(all.at(-1)).toBe('20:00');
    expect(all).toHaveLength(55); // 810 minutes / 15 + 1
  });

  it('says “约每10–15分钟一班”', () => {
    expect(frequencyText(route5)).toBe('约每10–15分钟一班');
    expect(nextDepartures(route5, bj('09:00')).frequencyText).toBe('约每10–15分钟一班');
  });

  it('before the first bus: the first departures, service not ended', () => {
    const n = nextDepartures(route5, bj('05:50'));
    expect(n).toMatchObject({ next: ['06:30', '06:45', '07:00'], beforeFirst: true, serviceEnded: false, waitMinutes: 40 });
    expect(n.status).toBe('今日尚未发车，首班 06:30');
  });

  it('just after a departure: the next one within the longest headway', () => {
    const n = nextDepartures(route5, bj('06:31'));
    expect(n.next).toEqual(['06:45', '07:00', '07:15']);
    expect(n.waitMinutes).toBe(14);
    expect(n.status).toBe('14 分钟内有车（约每10–15分钟一班）');
    expect(n.note).toContain('按最长间隔 15 分钟推算');
  });

  it('on a departure minute that bus is still listed', () => {
    expect(nextDepartures(route5, bj('07:00')).next[0]).toBe('07:00');
  });

  it('the last bus at 20:00 is still to come at 19:59 and at 20:00', () => {
    expect(nextDepartures(route5, bj('19:59')).next).toEqual(['20:00']);
    expect(nextDepartures(route5, bj('20:00')).serviceEnded).toBe(false);
  });

  it('after 20:00 service has ended and tomorrow’s first bus is named', () => {
    const n = nextDepartures(route5, bj('20:01'));
    expect(n).toMatchObject({ next: [], serviceEnded: true, waitMinutes: null });
    expect(n.status).toBe('今日末班车（20:00）已发出，明日首班 06:30');
  });

  it('uses Beijing time whatever the machine’s zone (an instant given in UTC)', () => {
    expect(shanghaiMinutes(new Date('2024-08-21T22:31:00Z'))).toBe(6 * 60 + 31);
    expect(nextDepartures(route5, new Date('2024-08-21T22:31:00Z')).now).toBe('06:31');
  });

  it('the count is respected', () => {
    expect(nextDepartures(route5, bj('12:00'), 5).next).toHaveLength(5);
  });
});

describe('other schedules', () => {
  it('a fixed headway says “每N分钟一班” and gives no estimate note', () => {
    const s = { firstDeparture: '07:00', lastDeparture: '08:00', headwayMin: 20, headwayMax: 20 };
    expect(scheduledDepartures(s)).toEqual(['07:00', '07:20', '07:40', '08:00']);
    const n = nextDepartures(s, bj('07:05'));
    expect(n.note).toBeNull();
    expect(n.status).toBe('下一班 07:20，约 15 分钟后发车');
  });

  it('a last departure off the grid is still listed', () => {
    expect(scheduledDepartures({ firstDeparture: '07:00', lastDeparture: '07:50', headwayMin: 20, headwayMax: 20 })).toEqual(['07:00', '07:20', '07:40', '07:50']);
  });

  it('an explicit list is sorted, de-duplicated and used as is', () => {
    const s = { firstDeparture: '07:00', lastDeparture: '18:00', departures: ['18:00', '07:00', '12:30', '07:00'] };
    expect(scheduledDepartures(s)).toEqual(['07:00', '12:30', '18:00']);
    expect(frequencyText(s)).toBe('每日 3 班（按时刻表）');
    const n = nextDepartures(s, bj('08:00'));
    expect(n).toMatchObject({ kind: 'list', next: ['12:30', '18:00'], note: null });
  });

  it('reports bad schedules in Chinese', () => {
    expect(scheduleProblems({ firstDeparture: '6:30', lastDeparture: '20:00', headwayMin: 10, headwayMax: 15 })[0]).toContain('首班时间“6:30”格式无效');
    expect(scheduleProblems({ firstDeparture: '20:00', lastDeparture: '06:30', headwayMin: 10 })).toContain('末班时间不能早于首班时间');
    expect(scheduleProblems({ firstDeparture: '06:30', lastDeparture: '20:00', headwayMin: 15, headwayMax: 10 })).toContain('最短发车间隔不能大于最长发车间隔');
    expect(scheduleProblems({ firstDeparture: '06:30', lastDeparture: '20:00' })).toContain('请填写发车间隔或发车时刻表');
    expect(() => scheduledDepartures({ firstDeparture: '06:30', lastDeparture: '20:00', departures: ['25:00'] })).toThrow('发车时刻格式无效：25:00');
  });
});
