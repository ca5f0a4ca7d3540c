/**
 * Suggestion No. 187 walked end to end through the web pages, as new users would.
 *
 * The demo's own No. 187 is already replied and waits for the deputies' feedback, so the walk runs on a freshly
 * registered copy: the organizer registers a 187-like suggestion from the same five deputies (a unique title per
 * run), admits and assigns it; 恒通集团 gives its co-unit opinion; 工信局 replies point by point; 郜义鹏 rates the
 * reply 不满意 (the others rate too, which completes the round and sends it back); 工信局 answers a second round;
 * all five deputies rate it; the organizer publishes it; a visitor without login reads it with no private phone
 * number on the page.
 */
import { afterAll, beforeAll, expect, it as vitestIt } from 'vitest';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { launchBrowser, loginAs, newContext, shot, startServer, visible, type E2EServer, confirmDialog } from './support/env.js';
import { browserSuite } from './support/suite.js';

const stamp = Date.now().toString(36).slice(-6);
const TITLE = `关于提升开发区公共配套服务，优化营商环境的建议（测试${stamp}）`;
const BODY = [
  '我市开发区公共配套设施建设起点不高，欠账较多。随着2024年开发区入驻企业的投产达效，产业人口的大量集聚，这一问题日益凸显。',
  '一是教育资源优势不明显；二是商业服务设施稀缺；三是入驻企业人员户籍管理不畅；四是园区环境卫生、城市管理有差距；五是水、电、暖、气、公共交通等基础设施需要理顺提升。',
  '建议：加快学校建设，完善餐饮、住宿、商超等生活配套，建立户籍服务协作机制，推动环卫保洁向园区延伸，理顺基础设施并优化公交线路。',
].join('\n');
const DEPUTIES = [
  { username: 'gaoyipeng', name: '郜义鹏' },
  { username: 'like', name: '李科' },
  { username: 'duxiaolin', name: '杜小林' },
  { username: 'hanzhifeng', name: '韩志峰' },
  { username: 'wanjianqin', name: '万建勤' },
];
/** A private mobile typed into the reply by mistake: it must never reach the public. */
const PRIVATE_MOBILE = '13935612345';

/** antd puts a space between the two characters of a two-character button label. */
const label = (text: string) => new RegExp(`^\\s*${[...text].map((c) => c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('\\s*')}\\s*$`);
const button = (scope: Page | Locator, text: string) => scope.getByRole('button', { name: label(text) });

/** Picks an option of a searchable antd Select: type the option, wait until it is offered, press Enter. */
async function choose(page: Page, field: Locator, option: string) {
  await field.click();
  await field.pressSequentially(option);
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: option }).first().waitFor({ state: 'visible' });
  await page.keyboard.press('Enter');
}

async function closeDropdown(page: Page) {
  await page.keyboard.press('Escape');
}

browserSuite('suggestion 187: from registration to the published reply', () => {
  // The steps build on each other: once one fails, the rest are skipped rather than failing for the same reason.
  let broken: string | null = null;
  const it = (name: string, fn: () => Promise<void>, timeout = 120_000) =>
    vitestIt(name, async (ctx) => {
      if (broken) ctx.skip(`前一步失败：${broken}`);
      ctx.onTestFailed(() => { broken = name; });
      try {
        await fn();
      } catch (e) {
        // Keep what the page showed when the step failed.
        if (lastPage && !lastPage.isClosed()) await shot(lastPage, 's187-failed').catch(() => undefined);
        throw e;
      }
    }, timeout);
  let server: E2EServer;
  let browser: Browser;
  let suggestionPath = '';
  let replyRound1Id = '';
  const contexts: BrowserContext[] = [];
  let lastPage: Page | null = null;

  /** A fresh browser context logged in as the user, on the page given. */
  async function as(username: string, path: string, opts: { phone?: boolean } = {}): Promise<Page> {
    const ctx = await newContext(browser, server.url, opts);
    contexts.push(ctx);
    const page = await ctx.newPage();
    lastPage = page;
    await loginAs(page, username);
    await page.goto(path);
    return page;
  }

  beforeAll(async () => {
    // S187_URL points the walk at a server already running (while developing the pages); normally it starts its own.
    server = process.env.S187_URL ? { url: process.env.S187_URL, dataDir: '', stop: async () => undefined } : await startServer();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => undefined);
    await browser?.close();
    await server?.stop();
  });

  it('the organizer registers the suggestion with its five deputies', async () => {
    const page = await as('organizer', '/');
    // The home card shows overdue and due-soon work at a glance.
    await visible(page.getByTestId('home-suggestions').getByText('逾期', { exact: true }));
    await shot(page, 's187-01-organizer-home');

    await page.getByRole('menuitem', { name: '建议登记与办理' }).click();
    await visible(page.getByRole('button', { name: '登记建议' }));
    await shot(page, 's187-02-organizer-list');
    await page.getByRole('button', { name: '登记建议' }).click();
    await page.waitForURL(/\/suggestions\/new$/);
    await visible(page.getByText('领衔代表和附议代表按原件录入'));

    await choose(page, page.getByLabel('届次'), '七届六次');
    await choose(page, page.getByLabel('领衔代表'), '郜义鹏');
    for (const d of DEPUTIES.slice(1)) await choose(page, page.getByLabel('附议代表'), d.name);
    await closeDropdown(page);
    await page.getByLabel('类别').fill('营商环境');
    await closeDropdown(page);
    await page.getByLabel('标题').fill(TITLE);
    await page.getByLabel('内容').fill(BODY);
    await shot(page, 's187-03-organizer-register');
    await button(page, '登记').click();

    await visible(page.getByTestId('suggestion-title').getByText(TITLE));
    suggestionPath = new URL(page.url()).pathname;
    expect(suggestionPath).toMatch(/^\/suggestions\/[\w-]+$/);
    await visible(page.getByTestId('state-tag').getByText('待立案'));
    for (const d of DEPUTIES) await visible(page.getByText(d.name).first());

    // 立案: the next free number of the session is given.
    await button(page, '立案').click();
    await button(page.locator('.ant-modal-confirm'), '立案').click();
    await visible(page.getByTestId('state-tag').getByText('已立案待交办'));
  });

  it('the organizer assigns it to 工信局 with co-units and sees how the due dates are computed', async () => {
    const page = await as('organizer', suggestionPath);
    await button(page, '交办').click();
    const dialog = page.getByRole('dialog');
    await choose(page, dialog.getByLabel('主办单位'), '高平市工业和信息化局');
    await choose(page, dialog.getByLabel('协办单位'), '恒通集团');
    await choose(page, dialog.getByLabel('协办单位'), '高平市教育局');
    await closeDropdown(page);
    // The preview says how each due date is computed before anything is saved.
    const preview = dialog.getByTestId('assign-preview');
    await visible(preview.getByText(/答复期限：交办之日（\d{4}-\d\d-\d\d）起 3 个月/));
    await visible(preview.getByText(/退办期限：交办之日起 7 个工作日内可申请退办/));
    await shot(page, 's187-04-organizer-assign');
    await button(dialog, '交办').click();

    await visible(page.getByTestId('state-tag').getByText('已交办待签收'));
    const deadlines = page.getByTestId('deadlines');
    await visible(deadlines.getByText('答复期限'));
    await visible(deadlines.getByText('最长期限（延期不得超过）'));
    await visible(deadlines.getByTestId('explain-lines').first());
    await visible(page.getByTestId('clock-tag').first());
    await visible(page.getByTestId('timeline').getByText('交办'));
    await shot(page, 's187-05-organizer-assigned');
  });

  it('恒通集团 signs for its part and sends its opinion to the lead unit', async () => {
    const page = await as('hengtong', '/suggestions/inbox');
    const row = page.getByRole('row').filter({ hasText: TITLE });
    await visible(row);
    await visible(row.getByText(/剩余 \d+ 个工作日/));
    await shot(page, 's187-06-hengtong-inbox');
    await button(row, '签收').click();
    await visible(row.getByRole('button', { name: '填写协办意见' }));
    await row.getByRole('button', { name: '填写协办意见' }).click();
    const card = page.getByTestId('opinion-card');
    await card.getByLabel('协办意见').fill('米山工业园职工餐厅已建成并对外营业，面积1500平方米，可同时容纳400余人用餐；住宿、商超、健身等配套设施已建成。园区水、电、暖、气由恒通公司负责，年内投入运营。');
    await card.getByRole('button', { name: '提交协办意见' }).click();
    await visible(card.getByText(/已于 .* 提交/));
    await shot(page, 's187-07-hengtong-opinion');
  });

  it('工信局 signs for it and replies point by point, with the co-unit opinion beside the editor', async () => {
    const page = await as('gongxin', '/');
    await visible(page.getByTestId('home-unit-suggestions'));
    await page.getByRole('menuitem', { name: '承办建议' }).click();
    const row = page.getByRole('row').filter({ hasText: TITLE });
    await visible(row);
    await button(row, '签收').click();
    await visible(row.getByRole('button', { name: '起草答复' }));
    await shot(page, 's187-08-gongxin-inbox');
    await row.getByRole('button', { name: '起草答复' }).click();

    const editor = page.getByTestId('reply-editor');
    await visible(editor);
    await visible(page.getByTestId('co-opinions').getByText('米山工业园职工餐厅已建成'));
    await editor.getByLabel('发文字号').fill('高工信发〔2024〕37号');
    await editor.getByText('所提问题已经解决或基本解决').or(editor.getByRole('radio').first()).first().click();

    await page.getByRole('button', { name: '＋ 添加一条答复要点' }).click();
    await editor.getByLabel('第1条标题').fill('关于教育资源优势不明显的问题');
    await editor.getByLabel('第1条内容').fill('目前开发区附近有一所学校处于在建状态，为高平市第十中学校项目，建设标准为初中十二轨制，建成后能满足周边1800多名学生的入学需求，预计年底主体封顶。');
    await choose(page, editor.getByLabel('第1条责任单位'), '高平市教育局');

    await page.getByRole('button', { name: '＋ 添加一条答复要点' }).click();
    await editor.getByLabel('第2条标题').fill('关于商业服务设施稀缺的问题');
    await editor.getByLabel('第2条内容').fill(`商业服务设施的修建由恒通公司负责。目前已建成1500平方米、能同时容纳400余人用餐的米山工业园“职工餐厅”，已正式对外营业。（经办人手机${PRIVATE_MOBILE}）`);
    await choose(page, editor.getByLabel('第2条责任单位'), '恒通集团');

    await page.getByRole('button', { name: '＋ 添加一条答复要点' }).click();
    await editor.getByLabel('第3条标题').fill('关于入驻企业人员户籍管理不畅的问题');
    await editor.getByLabel('第3条内容').fill('我们将建立多部门协作联动机制，与民政局、公安局进行沟通，为新入驻人员提供优质高效的户籍服务和保障。');
    // Reorder: the hukou point goes before the canteen point.
    await page.getByRole('button', { name: '上移第3条' }).click();
    await expect.poll(() => editor.getByLabel('第2条标题').inputValue()).toBe('关于入驻企业人员户籍管理不畅的问题');

    await editor.getByLabel('签发人').fill('王建军');
    await editor.getByLabel('联系人').fill('李晓东');
    await editor.getByLabel('联系电话').fill('5241566');
    expect(await editor.getByLabel('结束语').inputValue()).toBe('以上答复你们是否满意，如有意见，敬请反馈。');
    await page.getByRole('button', { name: '保存草稿' }).click();
    await visible(page.getByText('草稿已保存'));
    await visible(page.getByText('已保存', { exact: true }));
    await shot(page, 's187-09-gongxin-editor');

    await page.getByRole('button', { name: '提交答复' }).click();
    const confirm = page.locator('.ant-modal-confirm');
    await visible(confirm.getByText('共 3 条答复要点'));
    await confirm.getByRole('button', { name: '确认提交' }).click();
    await page.waitForURL(new RegExp(`${suggestionPath}$`));
    await visible(page.getByTestId('state-tag').getByText('已答复待评价'));
    await visible(page.getByTestId('reply-round-1').getByText('关于教育资源优势不明显的问题'));
    await shot(page, 's187-10-gongxin-submitted');
  });

  it('郜义鹏 reads the reply and rates it 不满意; the other four rate too and it goes back for a second round', async () => {
    const page = await as('gaoyipeng', '/suggestions/mine');
    const row = page.getByRole('row').filter({ hasText: TITLE });
    await visible(row.getByText('待我评价'));
    await row.getByRole('link', { name: TITLE }).click();
    const reply = page.getByTestId('reply-round-1');
    await visible(reply.getByText('高工信发〔2024〕37号'));
    await visible(reply.getByText('关于商业服务设施稀缺的问题'));
    await visible(reply.getByText('王建军'));
    await visible(reply.getByText(/李晓东 5241566/));
    replyRound1Id = await page.evaluate(async (path) => {
      const r = await fetch(`/api${path}`);
      const d = await r.json();
      return d.replies.find((x: { round: number }) => x.round === 1).id as string;
    }, suggestionPath);

    const card = page.getByTestId('rating-card');
    await card.getByText('不满意', { exact: true }).click();
    await visible(card.getByText('评价为“不满意”的，该建议将退回承办单位重新办理'));
    await card.getByText('已见面沟通').click();
    await card.getByLabel('意见').fill('户籍服务只说建立机制，没有具体措施和时间；公交线路的问题没有答复。');
    await shot(page, 's187-11-deputy-dissatisfied');
    await card.getByRole('button', { name: '提交评价' }).click();
    await page.locator('.ant-modal-confirm').getByRole('button', { name: '提交评价' }).click();
    await visible(page.getByTestId('rating-outcome').getByText(/等待其他联名代表评价/));
    // A deputy sees their own rating, not the others'.
    await visible(page.getByTestId('ratings-round-1').getByText('已评价 1 / 5 人', { exact: false }));

    for (const d of DEPUTIES.slice(1)) {
      const p = await as(d.username, suggestionPath);
      const c = p.getByTestId('rating-card');
      await visible(c);
      await c.getByText(d.username === 'like' ? '基本满意' : '满意', { exact: true }).click();
      await c.getByRole('button', { name: '提交评价' }).click();
      await visible(p.getByTestId('rating-outcome'));
      if (d.username === 'wanjianqin') {
        // The last rating completes the round: 不满意 sends it back, with the new due date and how it was computed.
        await visible(p.getByTestId('rating-outcome').getByText(/已退回重新办理（第2轮），新的答复期限/));
        await visible(p.getByTestId('rating-outcome').getByTestId('explain-lines'));
        await shot(p, 's187-12-deputy-round-complete');
      }
      await p.context().close();
    }
  }, 300_000);

  it('工信局 answers a second round and sees the deputy’s comment', async () => {
    const page = await as('gongxin', `${suggestionPath}/reply`);
    const feedback = page.getByTestId('deputy-feedback');
    await visible(feedback.getByText('户籍服务只说建立机制，没有具体措施和时间'));
    const editor = page.getByTestId('reply-editor');
    // The second round starts from the first round's reply.
    await expect.poll(() => editor.getByLabel('第1条标题').inputValue()).toBe('关于教育资源优势不明显的问题');
    await page.getByRole('button', { name: '＋ 添加一条答复要点' }).click();
    await editor.getByLabel('第4条标题').fill('关于公共交通的问题');
    await editor.getByLabel('第4条内容').fill('开发区至市内可乘坐5路公交车，发车时间为早上六点半至晚上八点，班次间隔为10至15分钟一班。');
    await choose(page, editor.getByLabel('第4条责任单位'), '高平市交通运输局');
    await editor.getByLabel('第2条内容').fill('市公安局在开发区设立户籍服务窗口，每周二、四到园区集中办理落户、迁移业务，2024年10月底前开通。');
    await page.getByRole('button', { name: '保存草稿' }).click();
    await visible(page.getByText('草稿已保存'));
    await shot(page, 's187-13-gongxin-round2');
    await page.getByRole('button', { name: '提交答复' }).click();
    await confirmDialog(page.locator('.ant-modal-confirm').getByRole('button', { name: '确认提交' }));
    // Submitting also proposes the reply's promises: on a loaded machine that can take a while.
    await page.waitForURL(new RegExp(`${suggestionPath}$`), { timeout: 60_000 });
    await visible(page.getByTestId('reply-round-2').getByText('关于公共交通的问题'));
  });

  it('all five deputies rate the second round and it is closed', async () => {
    for (const [i, d] of DEPUTIES.entries()) {
      const page = await as(d.username, suggestionPath, { phone: i === 0 });
      // A phone on a busy machine may take a while to load everything on the page.
      await visible(page.getByTestId('reply-round-2').getByText('关于公共交通的问题'), 30_000);
      const card = page.getByTestId('rating-card');
      await card.getByText(i === 0 ? '基本满意' : '满意', { exact: true }).click();
      if (i === 0) await shot(page, 's187-14-deputy-phone-round2');
      await card.getByRole('button', { name: '提交评价' }).click();
      await visible(page.getByTestId('rating-outcome'));
      if (i === DEPUTIES.length - 1) {
        await visible(page.getByTestId('rating-outcome').getByText('所有代表均已评价，该建议已办结。'));
        await visible(page.getByTestId('state-tag').getByText('已办结'));
        await shot(page, 's187-15-closed');
      }
      await page.context().close();
    }
  }, 300_000);

  it('the organizer sees the whole timeline', async () => {
    const page = await as('organizer', suggestionPath);
    const timeline = page.getByTestId('timeline');
    for (const step of ['登记建议', '立案', '交办', '签收', '提交协办意见', '提交答复', '代表评价', '重新办理', '办结']) {
      await visible(timeline.getByText(step, { exact: true }).first());
    }
    await shot(page, 's187-16-organizer-timeline');
  });

  it('the organizer publishes the final reply and a visitor reads it without any private phone number', async () => {
    const page = await as('organizer', suggestionPath);
    const replyRound2Id = await page.evaluate(async (path) => {
      const d = await (await fetch(`/api${path}`)).json();
      return d.replies.find((x: { round: number }) => x.round === 2).id as string;
    }, suggestionPath);
    expect(replyRound1Id).not.toBe(replyRound2Id);
    await publish(page);

    // A visitor, no login.
    const ctx = await newContext(browser, server.url, { phone: true });
    contexts.push(ctx);
    const visitor = await ctx.newPage();
    const text = await readPublic(visitor, replyRound2Id);
    expect(text).toContain('关于公共交通的问题');
    expect(text).toContain('高平市工业和信息化局');
    // The unit's official line stays: it is not a private person's number.
    expect(text).toContain('5241566');
    expect(text).not.toContain(PRIVATE_MOBILE);
    // No mobile number of anyone: eleven digits starting with 1 never appear.
    expect(text).not.toMatch(/(?<!\d)1[3-9]\d{9}(?!\d)/);
  });

  /** The organizer reviews what will be hidden, marks the reply reviewed and publishes it. */
  async function publish(page: Page) {
    await page.getByRole('menuitem', { name: '答复公开' }).click();
    const row = page.getByTestId('publication-table').getByRole('row').filter({ hasText: TITLE }).filter({ hasText: '第2轮答复' });
    await visible(row);
    await row.getByRole('link', { name: TITLE }).click();
    // The private mobile typed into the reply is found and will be hidden; the unit's official line is not.
    await visible(page.getByTestId('findings-table').getByText(PRIVATE_MOBILE));
    await visible(page.getByTestId('redacted-preview').getByText('关于公共交通的问题'));
    expect(await page.getByTestId('redacted-preview').innerText()).not.toContain(PRIVATE_MOBILE);
    await shot(page, 's187-17-publication-review');
    await page.getByTestId('mark-reviewed').click();
    await page.getByTestId('publish').click();
    await page.locator('.ant-modal-confirm').getByRole('button', { name: '确认公开' }).click();
    await visible(page.getByTestId('publication-state').getByText('已公开'));
    await shot(page, 's187-18-published');
  }

  /** What a visitor without login reads: the public API and the portal page. */
  async function readPublic(visitor: Page, replyId: string): Promise<string> {
    const res = await visitor.goto(`/api/public/replies/${replyId}`);
    expect(res?.status()).toBe(200);
    const apiText = await visitor.locator('body').innerText();
    await visitor.goto(`/public/replies/${replyId}`);
    await visible(visitor.getByText('关于公共交通的问题'));
    await shot(visitor, 's187-19-public-reply');
    return `${apiText}\n${await visitor.locator('body').innerText()}`;
  }
});
