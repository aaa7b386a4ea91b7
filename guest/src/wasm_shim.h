#pragma once

#include <stddef.h>
#include <stdint.h>

/*
 * The outcome functions of the host (env.return_result, env.return_error; see se2_env.h),
 * wrapped for the embedding, which reports start-up and plugin errors through them.
 */
void host_return_result(const char *result, size_t len, int32_t ident);
void host_return_error(int32_t code, const char *message, size_t len, int32_t ident);
