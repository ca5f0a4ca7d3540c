import { App } from 'antd';
import { useMutation, useQueryClient, type QueryKey } from '@tanstack/react-query';
import { ApiError } from './api';

/** A mutation that shows the server's Chinese message on failure and refreshes the given queries on success. */
export function useApiMutation<TVars, TResult = unknown>(fn: (v: TVars) => Promise<TResult>, opts: { invalidate?: QueryKey[]; success?: string; onSuccess?: (r: TResult, v: TVars) => void } = {}) {
  const { message } = App.useApp();
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: async (r, v) => {
      for (const key of opts.invalidate ?? []) await qc.invalidateQueries({ queryKey: key });
      if (opts.success) message.success(opts.success);
      opts.onSuccess?.(r, v);
    },
    onError: (e) => {
      message.error(e instanceof ApiError ? e.message : '操作失败，请稍后再试');
    },
  });
}
